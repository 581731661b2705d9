import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { BenchApi } from './api';
import type { Engine } from './engine';
import { waitForCount, watchOverdue, workflowTasksCompleted } from './observe';
import type { BenchOptions } from './options';
import { cpuSeconds, memoryMiB, type Role, type Target } from './target';
import { inParallel, p50, p99, sleep } from './stats';

export interface PrecisionResult {
  n: number;
  seen: number;
  p50Ms: number;
  p99Ms: number;
  /** Lateness of the workflow's own firing (the event's `at`), before the projection wrote it. */
  firedP99Ms: number;
}

/** The same spread of deadlines on bare sleeping workflows: how late the engine alone wakes them. */
export interface EnginePrecisionResult {
  n: number;
  /** Server-recorded completion minus the deadline: the bare counterpart of the OVERDUE row. */
  p50Ms: number;
  p99Ms: number;
  /** The workflow task's own time minus the deadline: the bare counterpart of "fired in workflow". */
  firedP99Ms: number;
}

export interface StormResult {
  n: number;
  setupMs: number;
  drainMs: number;
  lateP50Ms: number;
  lateP99Ms: number;
  lateMaxMs: number;
  firedP99Ms: number;
  missing: number;
  openWorkflows: number;
  rssMiB: number;
  workflowTasksPerSec: number | null;
  /** CPU seconds each process used between the instant and the last OVERDUE. */
  cpu: Partial<Record<Role, number>>;
  warnings: string[];
}

export interface EngineStormResult {
  n: number;
  setupMs: number;
  drainMs: number;
  lateP50Ms: number;
  lateP99Ms: number;
  missing: number;
  cpu: { temporal: number; benchWorker: number };
  warnings: string[];
}

/** Opens findings due at `dueAts` in cases of `caseSize`; answers their ids and their cases'. */
async function openFindings(
  api: BenchApi,
  dueAts: number[],
  caseSize: number,
  label: string,
): Promise<{ findings: Map<string, number>; caseIds: string[] }> {
  const chunks: number[][] = [];
  for (let i = 0; i < dueAts.length; i += caseSize) chunks.push(dueAts.slice(i, i + caseSize));
  const findings = new Map<string, number>();
  const caseIds: string[] = [];
  await inParallel(chunks, 8, async (chunk) => {
    const response = await api.openCase(
      chunk.map((ms) => new Date(ms).toISOString()),
      label,
    );
    if (response.status !== 201)
      throw new Error(`${label}: POST /cases answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    caseIds.push(response.body.id);
    for (const finding of response.body.findings) findings.set(finding.id, Date.parse(finding.dueAt));
  });
  return { findings, caseIds };
}

/** `n` deadlines spread evenly over `spreadMs` from `first`; `phase` (0..1) shifts them by part of a step. */
function spreadDeadlines(first: number, n: number, spreadMs: number, phase = 0): number[] {
  const step = n === 1 ? 0 : spreadMs / (n - 1);
  return Array.from({ length: n }, (_, i) => Math.round(first + (i + phase) * step));
}

function precisionStart(options: BenchOptions): number {
  return Date.now() + (options.mode === 'tiny' ? 4_000 : 10_000);
}

export async function measurePrecision(
  api: BenchApi,
  pool: Pool,
  options: BenchOptions,
  say: (line: string) => void,
): Promise<PrecisionResult> {
  const n = options.precisionFindings;
  const first = precisionStart(options);
  const dueAts = spreadDeadlines(first, n, options.precisionSpreadMs);
  say(`timers: precision, ${n} findings due over ${options.precisionSpreadMs / 1000} s, beside as many bare sleeping workflows`);
  const { findings } = await openFindings(api, dueAts, 10, 'precision');
  const seen = await watchOverdue(pool, new Set(findings.keys()), first - 1_000, dueAts[n - 1] + 30_000, 25);
  const late = [...seen].map(([id, sighting]) => sighting.seenAt - (findings.get(id) as number));
  const fired = [...seen].map(([id, sighting]) => sighting.firedAt - (findings.get(id) as number));
  return { n, seen: seen.size, p50Ms: p50(late), p99Ms: p99(late), firedP99Ms: p99(fired) };
}

/**
 * Run beside `measurePrecision`, with its deadlines half a step after the findings', so that both
 * see the same engine at the same time.
 */
export async function measureEnginePrecision(engine: Engine, options: BenchOptions): Promise<EnginePrecisionResult> {
  const n = options.precisionFindings;
  const dueAts = spreadDeadlines(precisionStart(options), n, options.precisionSpreadMs, 0.5);
  const prefix = `${engine.taskQueue}-precision`;
  const handles = await inParallel(dueAts, 8, (dueAt, i) =>
    engine.client.workflow.start('benchPrecisionSleeper', { taskQueue: engine.taskQueue, workflowId: `${prefix}-${i}`, args: [dueAt] }),
  );
  const late: number[] = [];
  const fired: number[] = [];
  await inParallel(handles, 8, async (handle, i) => {
    const firedAt: number = await handle.result();
    const { closeTime } = await handle.describe();
    fired.push(firedAt - dueAts[i]);
    if (closeTime) late.push(closeTime.getTime() - dueAts[i]);
  });
  return { n, p50Ms: p50(late), p99Ms: p99(late), firedP99Ms: p99(fired) };
}

/** Counts of the storm's findings that have run their first workflow task (their reminder) and its notification. */
async function settledCount(pool: Pool, caseIds: string[]): Promise<number> {
  const { rows } = await pool.query<{ reminded: string; notified: string }>(
    `SELECT (SELECT count(*) FROM events WHERE case_id = ANY($1::uuid[]) AND type = 'REMINDER_SENT') AS reminded,
            (SELECT count(*) FROM notifications WHERE case_id = ANY($1::uuid[])) AS notified`,
    [caseIds],
  );
  return Math.min(Number(rows[0].reminded), Number(rows[0].notified));
}

export function cpuByRole(target: Target): Partial<Record<Role, number>> {
  const usage: Partial<Record<Role, number>> = {};
  for (const [role, pids] of target.processes()) usage[role] = cpuSeconds(pids);
  return usage;
}

/**
 * How long after the instant a storm's OVERDUE rows are waited for before the rest count as never
 * fired: long enough that "never" means never, not "later than a slow day's drain" (the bare
 * engine alone took 36.5 s for 2,000 on a slow VM, and the goal allows twice that). The watch
 * ends as soon as every row is seen, so the margin costs nothing when nothing is lost.
 */
const stormWatchMs = (n: number) => Math.max(120_000, n * 60);

export async function measureStorm(
  api: BenchApi,
  pool: Pool,
  client: Client,
  target: Target,
  options: BenchOptions,
  openingPerSec: number,
  say: (line: string) => void,
): Promise<StormResult> {
  const n = options.stormFindings;
  const warnings: string[] = [];
  // Findings of a storm open slower than the intake's (measured: ~0.75 of it; each fires its reminder at once), hence / 3.
  const setupEstimateMs = (n / Math.max(openingPerSec / 3, 2)) * 1000 + (options.mode === 'tiny' ? 6_000 : 15_000);
  const instant = Math.ceil((Date.now() + (options.stormLeadS ? options.stormLeadS * 1000 : setupEstimateMs)) / 1000) * 1000;
  say(
    `timers: deadline storm, ${n} findings due at ${new Date(instant).toISOString()} (in ${Math.round((instant - Date.now()) / 1000)} s)`,
  );

  const workerPid = target.processes().get('worker')?.[0];
  let rssMiB = 0;
  const sampler = setInterval(() => {
    if (workerPid) rssMiB = Math.max(rssMiB, memoryMiB(workerPid).rss);
  }, 500);
  try {
    const setupStarted = Date.now();
    const { findings, caseIds } = await openFindings(api, Array(n).fill(instant), options.stormCaseSize, 'storm');
    const settled = await waitForCount(() => settledCount(pool, caseIds), n, instant - 1_500);
    const setupMs = Date.now() - setupStarted;
    if (settled < n)
      warnings.push(`only ${settled} of ${n} storm findings had settled before the instant (setup ${Math.round(setupMs / 1000)} s)`);

    // Taken at the instant by a timer of its own, so that a slow poll cannot move it.
    const atInstant = sleep(instant - Date.now()).then(async () => ({
      cpu: cpuByRole(target),
      tasks: await workflowTasksCompleted(target.metricsUrl),
    }));
    const seen = await watchOverdue(pool, new Set(findings.keys()), instant - 1_000, instant + stormWatchMs(n), 100);
    const last = Math.max(instant, ...[...seen.values()].map((s) => s.seenAt));
    const tasksAfter = await workflowTasksCompleted(target.metricsUrl);
    const cpuAfter = cpuByRole(target);
    const { cpu: cpuBefore, tasks: tasksBefore } = await atInstant;
    const openWorkflows = await client.workflow
      .count(`TaskQueue = "${target.taskQueue}" AND ExecutionStatus = "Running"`)
      .then((c) => c.count);
    const cpu: Partial<Record<Role, number>> = {};
    for (const role of Object.keys(cpuAfter) as Role[]) cpu[role] = (cpuAfter[role] ?? 0) - (cpuBefore[role] ?? 0);
    if (workerPid) rssMiB = Math.max(rssMiB, memoryMiB(workerPid).rss);

    const late = [...seen.values()].map((s) => s.seenAt - instant);
    return {
      n,
      setupMs,
      drainMs: last - instant,
      lateP50Ms: p50(late),
      lateP99Ms: p99(late),
      lateMaxMs: Math.max(...late),
      firedP99Ms: p99([...seen.values()].map((s) => s.firedAt - instant)),
      missing: n - seen.size,
      openWorkflows,
      rssMiB,
      workflowTasksPerSec:
        tasksBefore === null || tasksAfter === null ? null : (tasksAfter - tasksBefore) / Math.max((last - instant) / 1000, 0.001),
      cpu,
      warnings,
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function measureEngineStorm(
  engine: Engine,
  target: Target,
  n: number,
  startsPerSec: number,
  tiny: boolean,
  say: (line: string) => void,
): Promise<EngineStormResult> {
  const warnings: string[] = [];
  const setupEstimateMs = (n / Math.max(startsPerSec / 2, 5)) * 1000;
  const instant = Math.ceil((Date.now() + setupEstimateMs + (tiny ? 4_000 : 10_000)) / 1000) * 1000;
  say(`timers: engine baseline storm, ${n} bare workflows sleeping until ${new Date(instant).toISOString()}`);
  const setupStarted = Date.now();
  const prefix = `${engine.taskQueue}-sleeper`;
  await inParallel(
    Array.from({ length: n }, (_, i) => i),
    32,
    (i) => engine.client.workflow.start('benchSleeper', { taskQueue: engine.taskQueue, workflowId: `${prefix}-${i}`, args: [instant] }),
  );
  const setupMs = Date.now() - setupStarted;
  if (Date.now() > instant - 1_000) warnings.push(`starting the sleepers overran the instant (${Math.round(setupMs / 1000)} s)`);

  const temporalPids = target.processes().get('temporal') ?? [];
  const atInstant = sleep(instant - Date.now()).then(() => ({ temporal: cpuSeconds(temporalPids), bench: process.cpuUsage() }));
  await sleep(instant - Date.now());
  const query = `TaskQueue = "${engine.taskQueue}" AND WorkflowType = "benchSleeper" AND ExecutionStatus = "Completed"`;
  const completed = await waitForCount(
    () => engine.client.workflow.count(query).then((c) => c.count),
    n,
    instant + Math.max(60_000, n * 30),
    250,
  );
  const before = await atInstant;
  const temporal = cpuSeconds(temporalPids) - before.temporal;
  const bench = process.cpuUsage(before.bench);

  const late: number[] = [];
  for await (const execution of engine.client.workflow.list({ query })) {
    if (execution.closeTime) late.push(execution.closeTime.getTime() - instant);
  }
  return {
    n,
    setupMs,
    drainMs: late.length ? Math.max(...late) : Number.NaN,
    lateP50Ms: p50(late),
    lateP99Ms: p99(late),
    missing: n - completed,
    cpu: { temporal, benchWorker: (bench.user + bench.system) / 1e6 },
    warnings,
  };
}
