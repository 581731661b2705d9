import type { BenchApi } from './api';
import type { CaseOpenResult } from './case-open';
import type { Engine } from './engine';
import type { BenchOptions } from './options';
import { loops, p50, p99, sleep } from './stats';

export interface IntakeStep {
  concurrency: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU milliseconds each process spent per item opened during the step. */
  cpuMsPerItem: Record<string, number>;
}

export interface IntakeResult {
  /** The large case opened under the best step's load, measured after the timers (so that its findings do not weigh on them). */
  caseOpen?: CaseOpenResult;
  product: IntakeStep[];
  engine: IntakeStep[];
  best: IntakeStep;
  engineBest: IntakeStep;
  firstError?: string;
}

const FAR_DUE_MS = 30 * 24 * 3_600_000;

/**
 * Steps concurrency up until throughput stops rising (less than 5% over the best so far), and
 * answers every step. `call` does one unit of work and says how many items it opened; a step
 * lasts until `settle` says the work behind its answers is done (its time and CPU count in).
 */
async function stepUp(
  concurrencies: number[],
  stepMs: number,
  call: () => Promise<{ items: number; ms: number; error?: string }>,
  onError: (message: string) => void,
  cpu: () => Record<string, number>,
  settle: (items: number) => Promise<void> = async () => undefined,
): Promise<IntakeStep[]> {
  const steps: IntakeStep[] = [];
  let best = 0;
  for (const concurrency of concurrencies) {
    const latencies: number[] = [];
    let items = 0;
    let errors = 0;
    const started = Date.now();
    const cpuBefore = cpu();
    await loops(concurrency, started + stepMs, async () => {
      const result = await call();
      latencies.push(result.ms);
      if (result.error) {
        errors++;
        onError(result.error);
        await sleep(50);
      } else items += result.items;
    });
    await settle(items);
    const perSec = items / ((Date.now() - started) / 1000);
    const cpuAfter = cpu();
    const cpuMsPerItem = Object.fromEntries(
      Object.entries(cpuAfter).map(([role, s]) => [role, ((s - (cpuBefore[role] ?? 0)) * 1000) / Math.max(items, 1)]),
    );
    steps.push({ concurrency, perSec, p50Ms: p50(latencies), p99Ms: p99(latencies), errors, cpuMsPerItem });
    await sleep(1000); // let the work behind the answers settle before the next step
    if (perSec < best * 1.05) break;
    best = Math.max(best, perSec);
  }
  return steps;
}

const bestOf = (steps: IntakeStep[]) => steps.reduce((a, b) => (b.perSec > a.perSec ? b : a));

/** How long a step waits for its findings' workflows to start before it counts them as lost. */
const SETTLE_TIMEOUT_MS = 120_000;

/**
 * `findingWorkflows()` counts the findings' workflows the server has started: a case answers
 * before it starts them, so a step ends once all of its findings run, as a bare start ends once
 * its workflow exists — and no backlog of starts spills into the next step or phase.
 */
export async function measureIntake(
  api: BenchApi,
  engine: Engine,
  options: BenchOptions,
  say: (line: string) => void,
  stackCpu: () => Record<string, number>,
  findingWorkflows: () => Promise<number>,
): Promise<IntakeResult> {
  let firstError: string | undefined;
  const noteError = (message: string) => (firstError ??= message);
  const perCase = options.findingsPerIntakeCase;
  let expected = await findingWorkflows();
  const allStarted = async (items: number) => {
    expected += items;
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let running = await findingWorkflows();
    while (running < expected && Date.now() < deadline) {
      await sleep(100);
      running = await findingWorkflows();
    }
    if (running < expected)
      noteError(`${expected - running} findings' workflows had not started ${SETTLE_TIMEOUT_MS / 1000} s after their step`);
  };

  say(`intake: POST /cases of ${perCase} findings, ${options.intakeStepMs / 1000} s per concurrency step`);
  const product = await stepUp(
    options.intakeConcurrency,
    options.intakeStepMs,
    async () => {
      const dueAt = new Date(Date.now() + FAR_DUE_MS).toISOString();
      const response = await api.openCase(Array(perCase).fill(dueAt), 'intake');
      if (response.status === 201) return { items: perCase, ms: response.ms };
      return {
        items: 0,
        ms: response.ms,
        error: `POST /cases answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
      };
    },
    noteError,
    stackCpu,
    allStarted,
  );

  say('intake baseline: trivial workflows started by a bare client');
  let sequence = 0;
  const engineSteps = await stepUp(
    options.intakeConcurrency,
    options.intakeStepMs,
    async () => {
      const started = performance.now();
      try {
        await engine.client.workflow.start('benchNoop', {
          taskQueue: engine.taskQueue,
          workflowId: `${engine.taskQueue}-noop-${sequence++}`,
        });
        return { items: 1, ms: performance.now() - started };
      } catch (error) {
        return { items: 0, ms: performance.now() - started, error: `bare start failed: ${(error as Error).message}` };
      }
    },
    noteError,
    () => {
      const bench = process.cpuUsage();
      return { temporal: stackCpu()['temporal'] ?? 0, bench: (bench.user + bench.system) / 1e6 };
    },
  );

  return { product, engine: engineSteps, best: bestOf(product), engineBest: bestOf(engineSteps), firstError };
}
