import { apiRssGrowth, downloadRatio, uploadRatio, type FilesResult } from './files';
import type { IntakeResult } from './intake';
import type { BenchOptions } from './options';
import type { ExportResult } from './export';
import type { ReadsResult } from './reads';
import { ratio, round } from './stats';
import type { EnginePrecisionResult, EngineStormResult, PrecisionResult, StormResult } from './timers';

export interface TimersResult {
  precision: PrecisionResult;
  enginePrecision: EnginePrecisionResult;
  storm: StormResult;
  engineStorm: EngineStormResult;
}

/** What the run measured: every part unless `--only` left some out (their keys are then missing from the JSON). */
export interface BenchResults {
  options: BenchOptions;
  machine: string;
  intake?: IntakeResult;
  timers?: TimersResult;
  export?: ExportResult;
  reads?: ReadsResult;
  files?: FilesResult;
  rendering?: { p50Ms: number; p99Ms: number };
}

/** The machine-readable summary: the last line of stdout, with the keys the issue names. */
export function summaryJson(r: BenchResults) {
  const t = r.timers;
  return {
    intake: r.intake && {
      findingsPerSec: round(r.intake.best.perSec),
      engineWorkflowsPerSec: round(r.intake.engineBest.perSec),
      ratio: ratio(r.intake.best.perSec, r.intake.engineBest.perSec),
      p50Ms: round(r.intake.best.p50Ms),
      p99Ms: round(r.intake.best.p99Ms),
      caseOpenFindings: r.intake.caseOpen?.findings,
      caseOpenP50Ms: r.intake.caseOpen && round(r.intake.caseOpen.p50Ms),
      caseOpenP99Ms: r.intake.caseOpen && round(r.intake.caseOpen.p99Ms),
    },
    timers: t && {
      precisionP50Ms: round(t.precision.p50Ms),
      precisionP99Ms: round(t.precision.p99Ms),
      enginePrecisionP99Ms: round(t.enginePrecision.p99Ms),
      // What the product adds to the engine's own lateness, in the same run.
      lateOverEngineP99Ms: round(t.precision.p99Ms - t.enginePrecision.p99Ms),
      n: t.storm.n,
      drainMs: round(t.storm.drainMs),
      engineDrainMs: round(t.engineStorm.drainMs),
      drainRatio: ratio(t.storm.drainMs, t.engineStorm.drainMs),
      lateP99Ms: round(t.storm.lateP99Ms),
      missing: t.storm.missing + (t.precision.n - t.precision.seen),
    },
    reads: r.reads && {
      rows: r.reads.rows,
      listP50Ms: round(r.reads.listP50Ms),
      listP99Ms: round(r.reads.listP99Ms),
      sqlP99Ms: round(r.reads.sqlP99Ms),
      summaryP99Ms: round(r.reads.summaryP99Ms),
      jurisdictionRows: r.reads.jurisdiction.total,
      jurisdictionListP50Ms: round(r.reads.jurisdiction.p50Ms),
      jurisdictionListP99Ms: round(r.reads.jurisdiction.p99Ms),
      jurisdictionSqlP99Ms: round(r.reads.jurisdiction.sqlP99Ms),
      // The issue's name for the list as a discipline office sees it: the jurisdiction's.
      scopedListP99Ms: round(r.reads.jurisdiction.p99Ms),
    },
    export: r.export && {
      rows: r.export.rows,
      rowsPerSec: round(r.export.rowsPerSec),
      bareRowsPerSec: round(r.export.bareRowsPerSec),
      apiIdleRssMiB: round(r.export.apiIdleRssMiB),
      apiRssDeltaMiB: round(r.export.apiRssDeltaMiB),
    },
    files: r.files && {
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
    documents: r.rendering && { renderP50Ms: r.rendering.p50Ms, renderP99Ms: r.rendering.p99Ms },
    worker: t && {
      openWorkflows: t.storm.openWorkflows,
      rssMiB: round(t.storm.rssMiB),
      workflowTasksPerSec: t.storm.workflowTasksPerSec === null ? null : round(t.storm.workflowTasksPerSec),
    },
  };
}

/** Issue 20's goals: GET /findings in 20 ms p99 (scoped or not); the XLSX export at 20,000 rows/s in +100 MiB of the API's RSS. */
const LIST_TARGET_P99_MS = 20;
const EXPORT_ROWS_PER_SEC = 20_000;
const EXPORT_RSS_DELTA_MIB = 100;
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

const pair = (a: number, b: number, unit = ' ms') => `${f(a, unit)} / ${f(b, unit)}`;

function intakeRows(intake: IntakeResult): string[][] {
  return [
    [
      'intake findings/s (best step)',
      f(intake.best.perSec),
      `${f(intake.engineBest.perSec)} workflows/s`,
      f(ratio(intake.best.perSec, intake.engineBest.perSec)),
    ],
    ['intake latency p50 / p99', pair(intake.best.p50Ms, intake.best.p99Ms), pair(intake.engineBest.p50Ms, intake.engineBest.p99Ms), ''],
    ...(intake.caseOpen
      ? [
          [
            `case of ${intake.caseOpen.findings} opened, p50 / p99`,
            pair(intake.caseOpen.p50Ms, intake.caseOpen.p99Ms),
            `${intake.caseOpen.samples} in turn beside ${intake.caseOpen.background} intake requests`,
            intake.caseOpen.errors > 0 ? `${intake.caseOpen.errors} errors` : '',
          ],
        ]
      : []),
  ];
}

function timerRows({ precision, enginePrecision, storm, engineStorm }: TimersResult): string[][] {
  return [
    [
      'timer precision p50 / p99',
      pair(precision.p50Ms, precision.p99Ms),
      pair(enginePrecision.p50Ms, enginePrecision.p99Ms),
      f(ratio(precision.p99Ms, enginePrecision.p99Ms)),
    ],
    ['  fired in workflow p99', f(precision.firedP99Ms, ' ms'), f(enginePrecision.firedP99Ms, ' ms'), ''],
    [`storm of ${storm.n}: drain`, f(storm.drainMs, ' ms'), f(engineStorm.drainMs, ' ms'), f(ratio(storm.drainMs, engineStorm.drainMs))],
    [
      'storm lateness p50 / p99 / max',
      `${f(storm.lateP50Ms, ' ms')} / ${f(storm.lateP99Ms, ' ms')} / ${f(storm.lateMaxMs, ' ms')}`,
      pair(engineStorm.lateP50Ms, engineStorm.lateP99Ms),
      '',
    ],
    ['storm never fired', String(storm.missing), String(engineStorm.missing), ''],
    ['storm setup', f(storm.setupMs, ' ms'), f(engineStorm.setupMs, ' ms'), ''],
  ];
}

function readRows(reads: ReadsResult): string[][] {
  return [
    [
      `list p50 / p99 (${reads.rows} rows)`,
      pair(reads.listP50Ms, reads.listP99Ms),
      `${pair(reads.sqlP50Ms, reads.sqlP99Ms)} (bare SQL)`,
      f(ratio(reads.listP99Ms, reads.sqlP99Ms)),
    ],
    [
      `  in a jurisdiction (${reads.jurisdiction.total} within)`,
      pair(reads.jurisdiction.p50Ms, reads.jurisdiction.p99Ms),
      `${pair(reads.jurisdiction.sqlP50Ms, reads.jurisdiction.sqlP99Ms)} (bare SQL)`,
      f(ratio(reads.jurisdiction.p99Ms, reads.jurisdiction.sqlP99Ms)),
    ],
    [
      'summary p50 / p99',
      pair(reads.summaryP50Ms, reads.summaryP99Ms),
      `${f(reads.summarySqlP99Ms, ' ms')} p99 (bare SQL)`,
      f(ratio(reads.summaryP99Ms, reads.summarySqlP99Ms)),
    ],
    ['  seeding the ledger', f(reads.seedMs / 1000, ' s'), '', ''],
  ];
}

function exportRows(exported: ExportResult): string[][] {
  return [
    [
      `XLSX export of ${exported.rows} rows (${f(exported.bytes / 2 ** 20, ' MiB')})`,
      f(exported.rowsPerSec, ' rows/s'),
      `${f(exported.bareRowsPerSec, ' rows/s')} (bare COPY)`,
      f(ratio(exported.rowsPerSec, exported.bareRowsPerSec)),
    ],
    ['  API RSS growth', f(exported.apiRssDeltaMiB, ' MiB'), `over ${f(exported.apiIdleRssMiB, ' MiB')} idle`, ''],
  ];
}

function fileRows(files: FilesResult): string[][] {
  return [
    [
      `upload ${files.mib} MiB (POST /files)`,
      f(files.uploadMiBps, ' MiB/s'),
      `${f(files.copyInMiBps, ' MiB/s')} (bare COPY in)`,
      f(uploadRatio(files)),
    ],
    [
      `download ${files.mib} MiB (GET /files/:id)`,
      f(files.downloadMiBps, ' MiB/s'),
      `${f(files.copyOutMiBps, ' MiB/s')} (bare COPY out)`,
      f(downloadRatio(files)),
    ],
    [
      '  API RSS growth up / down',
      pair(files.uploadRssGrowthMiB, files.downloadRssGrowthMiB, ' MiB'),
      `over ${f(files.apiIdleRssMiB, ' MiB')} idle`,
      '',
    ],
    [
      '  blob store put, in-process',
      f(files.storePutMiBps, ' MiB/s'),
      `RSS +${f(files.storeRssGrowthMiB, ' MiB')}`,
      f(ratio(files.storePutMiBps, files.copyInMiBps)),
    ],
  ];
}

function details(r: BenchResults): string[] {
  const out: string[] = [];
  const intake = r.intake;
  if (intake) {
    out.push('', 'intake steps (concurrency: product findings/s p50/p99 errors | engine workflows/s p50/p99)');
    const steps = Math.max(intake.product.length, intake.engine.length);
    for (let i = 0; i < steps; i++) {
      const p = intake.product[i];
      const e = intake.engine[i];
      out.push(
        `  ${String(p?.concurrency ?? e?.concurrency).padStart(3)}: ${p ? `${f(p.perSec)}/s ${f(p.p50Ms)}/${f(p.p99Ms)} ms ${p.errors} err` : '—'.padEnd(20)} | ${e ? `${f(e.perSec)}/s ${f(e.p50Ms)}/${f(e.p99Ms)} ms` : '—'}`,
      );
    }
    const cpuLine = (step: { cpuMsPerItem: Record<string, number> }) =>
      Object.entries(step.cpuMsPerItem)
        .map(([role, ms]) => `${role} ${f(ms)}`)
        .join(', ');
    out.push(
      `CPU ms per item at the best step: product (per finding) ${cpuLine(intake.best)}; engine (per workflow) ${cpuLine(intake.engineBest)}`,
    );
  }
  if (r.timers) {
    const { storm, engineStorm } = r.timers;
    out.push(
      '',
      'CPU seconds during the storm drain: ' +
        Object.entries(storm.cpu)
          .map(([role, s]) => `${role} ${f(s)}`)
          .join(', ') +
        ` (wall ${f(storm.drainMs / 1000)} s); engine drain: temporal ${f(engineStorm.cpu.temporal)}, bench worker ${f(engineStorm.cpu.benchWorker)} (wall ${f(engineStorm.drainMs / 1000)} s)`,
    );
  }
  if (r.reads) {
    out.push('', 'reads by filter (p50 / p99 API, p99 bare SQL, total) and how PostgreSQL ran the bare page; count:');
    out.push(...r.reads.byFilter.map((b) => `  ${b.filter} ${f(b.p50Ms)}/${f(b.p99Ms)}/${f(b.sqlP99Ms)} ms (${b.total}): ${b.plan}`));
    out.push(
      '',
      `the jurisdiction list's statements as PostgreSQL ran them (${LIST_TARGET_P99_MS} ms p99 is the goal of the API's answer):`,
    );
    out.push(...r.reads.jurisdiction.plan.map((line) => `  ${line}`));
  }
  return out;
}

function warnings(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.timers) {
    const { precision, storm, engineStorm } = r.timers;
    out.push(...storm.warnings, ...engineStorm.warnings);
    if (precision.seen < precision.n) out.push(`precision: ${precision.n - precision.seen} of ${precision.n} deadlines never seen`);
  }
  if (r.intake?.firstError) out.push(`first intake error: ${r.intake.firstError}`);
  if (r.intake?.caseOpen?.firstError) out.push(`first large-case error: ${r.intake.caseOpen.firstError}`);
  if (r.reads) {
    for (const [what, p99Ms] of [
      ['', r.reads.listP99Ms],
      [' in a jurisdiction', r.reads.jurisdiction.p99Ms],
    ] as const)
      if (p99Ms > LIST_TARGET_P99_MS) out.push(`GET /findings${what}: p99 ${f(p99Ms, ' ms')}, over the ${LIST_TARGET_P99_MS} ms goal`);
  }
  if (r.export) {
    if (r.export.rowsPerSec < EXPORT_ROWS_PER_SEC)
      out.push(`export: ${f(r.export.rowsPerSec)} rows/s, under the ${EXPORT_ROWS_PER_SEC} rows/s goal`);
    if (r.export.apiRssDeltaMiB > EXPORT_RSS_DELTA_MIB)
      out.push(`export: the API's RSS grew ${f(r.export.apiRssDeltaMiB, ' MiB')}, over the +${EXPORT_RSS_DELTA_MIB} MiB goal`);
  }
  if (r.files) {
    if (apiRssGrowth(r.files) > FILE_RSS_GROWTH_MIB)
      out.push(`files: the API's RSS grew ${f(apiRssGrowth(r.files), ' MiB')}, over the +${FILE_RSS_GROWTH_MIB} MiB goal`);
    for (const [direction, value] of [
      ['upload', uploadRatio(r.files)],
      ['download', downloadRatio(r.files)],
    ] as const)
      if (value < FILE_THROUGHPUT_RATIO)
        out.push(`files: ${direction} at ${value} of a bare COPY, under the ${FILE_THROUGHPUT_RATIO} goal`);
  }
  if (r.rendering && r.rendering.p99Ms > RENDER_TARGET_P99_MS)
    out.push(`documents: rendering p99 ${f(r.rendering.p99Ms, ' ms')}, over the ${RENDER_TARGET_P99_MS} ms goal`);
  return out;
}

/** The human-readable report, for stderr. */
export function humanReport(r: BenchResults): string {
  const rows = [
    ...(r.intake ? intakeRows(r.intake) : []),
    ...(r.timers ? timerRows(r.timers) : []),
    ...(r.reads ? readRows(r.reads) : []),
    ...(r.export ? exportRows(r.export) : []),
    ...(r.files ? fileRows(r.files) : []),
    ...(r.rendering ? [['document render p50 / p99', pair(r.rendering.p50Ms, r.rendering.p99Ms), '', '']] : []),
    ...(r.timers
      ? [
          ['worker peak RSS', f(r.timers.storm.rssMiB, ' MiB'), `${r.timers.storm.openWorkflows} open workflows`, ''],
          ['workflow tasks/s in the storm', f(r.timers.storm.workflowTasksPerSec), '', ''],
        ]
      : []),
  ];
  const out = [`benchmark (${r.options.mode}; ${[...r.options.phases].join(', ')}) on ${r.machine}`, ''];
  out.push('figure                          product        engine baseline   ratio');
  if (rows.length > 0) out.push(table(rows));
  out.push(...details(r));
  for (const warning of warnings(r)) out.push(`warning: ${warning}`);
  return out.join('\n');
}
