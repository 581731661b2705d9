import { apiRssGrowth, downloadRatio, uploadRatio, type FilesResult } from './files';
import type { IntakeResult } from './intake';
import type { BenchOptions } from './options';
import type { ReadsResult } from './reads';
import { ratio, round } from './stats';
import type { EnginePrecisionResult, EngineStormResult, PrecisionResult, StormResult } from './timers';

export interface BenchResults {
  options: BenchOptions;
  machine: string;
  intake: IntakeResult;
  precision: PrecisionResult;
  enginePrecision: EnginePrecisionResult;
  storm: StormResult;
  engineStorm: EngineStormResult;
  reads: ReadsResult;
  files: FilesResult;
  rendering: { p50Ms: number; p99Ms: number };
}

/** The machine-readable summary: the last line of stdout, with the keys the issue names. */
export function summaryJson(r: BenchResults) {
  return {
    intake: {
      findingsPerSec: round(r.intake.best.perSec),
      engineWorkflowsPerSec: round(r.intake.engineBest.perSec),
      ratio: ratio(r.intake.best.perSec, r.intake.engineBest.perSec),
      p50Ms: round(r.intake.best.p50Ms),
      p99Ms: round(r.intake.best.p99Ms),
    },
    timers: {
      precisionP50Ms: round(r.precision.p50Ms),
      precisionP99Ms: round(r.precision.p99Ms),
      enginePrecisionP99Ms: round(r.enginePrecision.p99Ms),
      n: r.storm.n,
      drainMs: round(r.storm.drainMs),
      engineDrainMs: round(r.engineStorm.drainMs),
      drainRatio: ratio(r.storm.drainMs, r.engineStorm.drainMs),
      lateP99Ms: round(r.storm.lateP99Ms),
      missing: r.storm.missing + (r.precision.n - r.precision.seen),
    },
    reads: {
      rows: r.reads.rows,
      listP50Ms: round(r.reads.listP50Ms),
      listP99Ms: round(r.reads.listP99Ms),
      sqlP99Ms: round(r.reads.sqlP99Ms),
      summaryP99Ms: round(r.reads.summaryP99Ms),
      jurisdictionRows: r.reads.jurisdiction.total,
      jurisdictionListP50Ms: round(r.reads.jurisdiction.p50Ms),
      jurisdictionListP99Ms: round(r.reads.jurisdiction.p99Ms),
      jurisdictionSqlP99Ms: round(r.reads.jurisdiction.sqlP99Ms),
    },
    files: {
      mib: r.files.mib,
      uploadMiBps: round(r.files.uploadMiBps),
      copyInMiBps: round(r.files.copyInMiBps),
      uploadRatio: uploadRatio(r.files),
      downloadMiBps: round(r.files.downloadMiBps),
      copyOutMiBps: round(r.files.copyOutMiBps),
      downloadRatio: downloadRatio(r.files),
      apiIdleRssMiB: round(r.files.apiIdleRssMiB),
      apiRssGrowthMiB: round(apiRssGrowth(r.files)),
    },
    documents: { renderP50Ms: r.rendering.p50Ms, renderP99Ms: r.rendering.p99Ms },
    worker: {
      openWorkflows: r.storm.openWorkflows,
      rssMiB: round(r.storm.rssMiB),
      workflowTasksPerSec: r.storm.workflowTasksPerSec === null ? null : round(r.storm.workflowTasksPerSec),
    },
  };
}

/** The issue's goal for a jurisdiction-scoped GET /findings over 100,000 findings, as for the unscoped list. */
const JURISDICTION_TARGET_P99_MS = 20;
/** Issue 15's goals: a file streams through the API in +50 MiB of RSS, at half a bare COPY or better; a document renders in 300 ms p99. */
const FILE_RSS_GROWTH_MIB = 50;
const FILE_THROUGHPUT_RATIO = 0.5;
const RENDER_TARGET_P99_MS = 300;

const f = (value: number | null | undefined, unit = '') =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : `${round(value)}${unit}`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ')).join('\n');
}

/** The human-readable report, for stderr. */
export function humanReport(r: BenchResults): string {
  const json = summaryJson(r);
  const out: string[] = [];
  out.push(`benchmark (${r.options.mode}) on ${r.machine}`);
  out.push('');
  out.push('figure                          product        engine baseline   ratio');
  out.push(
    table([
      ['intake findings/s (best step)', f(r.intake.best.perSec), `${f(r.intake.engineBest.perSec)} workflows/s`, f(json.intake.ratio)],
      [
        'intake latency p50 / p99',
        `${f(r.intake.best.p50Ms, ' ms')} / ${f(r.intake.best.p99Ms, ' ms')}`,
        `${f(r.intake.engineBest.p50Ms, ' ms')} / ${f(r.intake.engineBest.p99Ms, ' ms')}`,
        '',
      ],
      [
        'timer precision p50 / p99',
        `${f(r.precision.p50Ms, ' ms')} / ${f(r.precision.p99Ms, ' ms')}`,
        `${f(r.enginePrecision.p50Ms, ' ms')} / ${f(r.enginePrecision.p99Ms, ' ms')}`,
        f(ratio(r.precision.p99Ms, r.enginePrecision.p99Ms)),
      ],
      ['  fired in workflow p99', f(r.precision.firedP99Ms, ' ms'), f(r.enginePrecision.firedP99Ms, ' ms'), ''],
      [`storm of ${r.storm.n}: drain`, f(r.storm.drainMs, ' ms'), f(r.engineStorm.drainMs, ' ms'), f(json.timers.drainRatio)],
      [
        'storm lateness p50 / p99 / max',
        `${f(r.storm.lateP50Ms, ' ms')} / ${f(r.storm.lateP99Ms, ' ms')} / ${f(r.storm.lateMaxMs, ' ms')}`,
        `${f(r.engineStorm.lateP50Ms, ' ms')} / ${f(r.engineStorm.lateP99Ms, ' ms')}`,
        '',
      ],
      ['storm never fired', String(r.storm.missing), String(r.engineStorm.missing), ''],
      ['storm setup', f(r.storm.setupMs, ' ms'), f(r.engineStorm.setupMs, ' ms'), ''],
      [
        `list p50 / p99 (${r.reads.rows} rows)`,
        `${f(r.reads.listP50Ms, ' ms')} / ${f(r.reads.listP99Ms, ' ms')}`,
        `${f(r.reads.sqlP50Ms, ' ms')} / ${f(r.reads.sqlP99Ms, ' ms')} (bare SQL)`,
        f(ratio(r.reads.listP99Ms, r.reads.sqlP99Ms)),
      ],
      [
        `  in a jurisdiction (${r.reads.jurisdiction.total} within)`,
        `${f(r.reads.jurisdiction.p50Ms, ' ms')} / ${f(r.reads.jurisdiction.p99Ms, ' ms')}`,
        `${f(r.reads.jurisdiction.sqlP50Ms, ' ms')} / ${f(r.reads.jurisdiction.sqlP99Ms, ' ms')} (bare SQL)`,
        f(ratio(r.reads.jurisdiction.p99Ms, r.reads.jurisdiction.sqlP99Ms)),
      ],
      [
        'summary p50 / p99',
        `${f(r.reads.summaryP50Ms, ' ms')} / ${f(r.reads.summaryP99Ms, ' ms')}`,
        `${f(r.reads.summarySqlP99Ms, ' ms')} p99 (bare SQL)`,
        f(ratio(r.reads.summaryP99Ms, r.reads.summarySqlP99Ms)),
      ],
      [
        `upload ${r.files.mib} MiB (POST /files)`,
        f(r.files.uploadMiBps, ' MiB/s'),
        `${f(r.files.copyInMiBps, ' MiB/s')} (bare COPY in)`,
        f(json.files.uploadRatio),
      ],
      [
        `download ${r.files.mib} MiB (GET /files/:id)`,
        f(r.files.downloadMiBps, ' MiB/s'),
        `${f(r.files.copyOutMiBps, ' MiB/s')} (bare COPY out)`,
        f(json.files.downloadRatio),
      ],
      [
        '  API RSS growth up / down',
        `${f(r.files.uploadRssGrowthMiB, ' MiB')} / ${f(r.files.downloadRssGrowthMiB, ' MiB')}`,
        `over ${f(r.files.apiIdleRssMiB, ' MiB')} idle`,
        '',
      ],
      [
        '  blob store put, in-process',
        f(r.files.storePutMiBps, ' MiB/s'),
        `RSS +${f(r.files.storeRssGrowthMiB, ' MiB')}`,
        f(ratio(r.files.storePutMiBps, r.files.copyInMiBps)),
      ],
      [`document render p50 / p99`, `${f(r.rendering.p50Ms, ' ms')} / ${f(r.rendering.p99Ms, ' ms')}`, '', ''],
      ['worker peak RSS', f(r.storm.rssMiB, ' MiB'), `${r.storm.openWorkflows} open workflows`, ''],
      ['workflow tasks/s in the storm', f(r.storm.workflowTasksPerSec), '', ''],
    ]),
  );
  out.push('');
  out.push('intake steps (concurrency: product findings/s p50/p99 errors | engine workflows/s p50/p99)');
  const steps = Math.max(r.intake.product.length, r.intake.engine.length);
  for (let i = 0; i < steps; i++) {
    const p = r.intake.product[i];
    const e = r.intake.engine[i];
    out.push(
      `  ${String(p?.concurrency ?? e?.concurrency).padStart(3)}: ${p ? `${f(p.perSec)}/s ${f(p.p50Ms)}/${f(p.p99Ms)} ms ${p.errors} err` : '—'.padEnd(20)} | ${e ? `${f(e.perSec)}/s ${f(e.p50Ms)}/${f(e.p99Ms)} ms` : '—'}`,
    );
  }
  const cpuLine = (step: { cpuMsPerItem: Record<string, number> }) =>
    Object.entries(step.cpuMsPerItem)
      .map(([role, ms]) => `${role} ${f(ms)}`)
      .join(', ');
  out.push(
    `CPU ms per item at the best step: product (per finding) ${cpuLine(r.intake.best)}; engine (per workflow) ${cpuLine(r.intake.engineBest)}`,
  );
  out.push('');
  out.push(
    'CPU seconds during the storm drain: ' +
      Object.entries(r.storm.cpu)
        .map(([role, s]) => `${role} ${f(s)}`)
        .join(', ') +
      ` (wall ${f(r.storm.drainMs / 1000)} s); engine drain: temporal ${f(r.engineStorm.cpu.temporal)}, bench worker ${f(r.engineStorm.cpu.benchWorker)} (wall ${f(r.engineStorm.drainMs / 1000)} s)`,
  );
  out.push(
    'reads by filter (p50 / p99 API, p99 bare SQL, total): ' +
      r.reads.byFilter.map((b) => `${b.filter} ${f(b.p50Ms)}/${f(b.p99Ms)}/${f(b.sqlP99Ms)} ms (${b.total})`).join('; '),
  );
  out.push('');
  out.push(
    `the jurisdiction list's statements as PostgreSQL ran them (${JURISDICTION_TARGET_P99_MS} ms p99 is the goal of the API's answer):`,
  );
  out.push(...r.reads.jurisdiction.plan.map((line) => `  ${line}`));
  const warnings = [
    ...r.storm.warnings,
    ...r.engineStorm.warnings,
    ...(r.intake.firstError ? [`first intake error: ${r.intake.firstError}`] : []),
  ];
  if (r.precision.seen < r.precision.n)
    warnings.push(`precision: ${r.precision.n - r.precision.seen} of ${r.precision.n} deadlines never seen`);
  if (r.reads.jurisdiction.p99Ms > JURISDICTION_TARGET_P99_MS)
    warnings.push(
      `GET /findings in a jurisdiction: p99 ${f(r.reads.jurisdiction.p99Ms, ' ms')}, over the ${JURISDICTION_TARGET_P99_MS} ms goal`,
    );
  if (apiRssGrowth(r.files) > FILE_RSS_GROWTH_MIB)
    warnings.push(`files: the API's RSS grew ${f(apiRssGrowth(r.files), ' MiB')}, over the +${FILE_RSS_GROWTH_MIB} MiB goal`);
  for (const [direction, value] of [
    ['upload', json.files.uploadRatio],
    ['download', json.files.downloadRatio],
  ] as const)
    if (value < FILE_THROUGHPUT_RATIO)
      warnings.push(`files: ${direction} at ${value} of a bare COPY, under the ${FILE_THROUGHPUT_RATIO} goal`);
  if (r.rendering.p99Ms > RENDER_TARGET_P99_MS)
    warnings.push(`documents: rendering p99 ${f(r.rendering.p99Ms, ' ms')}, over the ${RENDER_TARGET_P99_MS} ms goal`);
  for (const warning of warnings) out.push(`warning: ${warning}`);
  return out.join('\n');
}
