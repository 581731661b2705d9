// `npm run bench [-- --quick | --tiny]`: how close the product runs to the engine and database under it.
// Human table on stderr; the last line of stdout is one JSON object (see report.ts).
import { Client, Connection } from '@temporalio/client';
import { cpus, loadavg, totalmem } from 'node:os';
import { Pool } from 'pg';
import { BenchApi } from './api';
import { measureRendering } from './documents';
import { bundleEngineWorkflows, Engine } from './engine';
import { apiRssGrowth, downloadRatio, measureFiles, uploadRatio } from './files';
import { measureCaseOpen } from './case-open';
import { measureIntake } from './intake';
import { measureExport } from './export';
import { parseOptions, type Phase } from './options';
import { BENCH_UNITS, registerBenchOrganisation } from './organisation';
import { measureReads, removeSeed } from './reads';
import { humanReport, summaryJson, type BenchResults } from './report';
import { round } from './stats';
import { Target } from './target';
import { cpuByRole, measureEnginePrecision, measureEngineStorm, measurePrecision, measureStorm } from './timers';

/** Findings (or bare workflows) a second the storm's lead is estimated from when the intake did not run. */
const ASSUMED_PER_SEC = 40;

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function machine(): string {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machineLine = machine();
  say(`${options.mode} run on ${machineLine}`);
  const bundle = bundleEngineWorkflows();
  bundle.catch(() => undefined);
  say('starting the stack (npm start)…');
  const target = await Target.start(options);
  const stopping = async () => {
    await target.stop();
    target.cleanUp(options.keep);
    process.exit(130);
  };
  process.once('SIGINT', () => void stopping());
  process.once('SIGTERM', () => void stopping());

  const pool = new Pool({ connectionString: target.databaseUrl, max: 4 });
  // An idle connection cut when the stack stops is no failure of the benchmark.
  pool.on('error', () => undefined);
  const connection = await Connection.connect({ address: target.temporalAddress });
  const client = new Client({ connection, namespace: process.env['TEMPORAL_NAMESPACE'] ?? 'default' });
  const engine = await Engine.start(target.temporalAddress, await bundle, options.stormFindings + 1000);
  let summary = '';
  const apiPid = () => target.processes().get('api')?.[0];
  try {
    say(`stack ready (${target.dataDir}); API ${target.apiUrl}, Temporal ${target.temporalAddress}`);
    const registrar = new BenchApi(target.apiUrl);
    await registerBenchOrganisation(registrar);
    // Its idle keep-alive sockets would be closed by the API during the measures below, under a later request.
    registrar.close();
    say(`registered ${BENCH_UNITS.length} units and an office supervising some of them (PUT /org-units/:id)`);
    const run = (phase: Phase) => options.phases.has(phase);
    const results: BenchResults = { options, machine: machineLine };
    // First, while the API is idle: its resident memory before the upload is the baseline.
    if (run('files')) {
      say(`files: ${options.fileMiB} MiB through POST /files and GET /files/:id, beside a bare COPY in and out…`);
      const files = await measureFiles(target.apiUrl, target.databaseUrl, apiPid(), options.fileMiB, options.fileRuns, say);
      say(
        `  → upload ${round(files.uploadMiBps)} MiB/s (${uploadRatio(files)} of COPY), download ${round(files.downloadMiBps)} MiB/s (${downloadRatio(files)}); API RSS +${round(apiRssGrowth(files))} MiB over ${round(files.apiIdleRssMiB)}`,
      );
      results.files = files;
    }
    if (run('documents')) {
      const rendering = await measureRendering(options.renderings);
      say(
        `  → rendering a document (compose, DOCX and PDF): p50 ${rendering.p50Ms} ms, p99 ${rendering.p99Ms} ms of ${options.renderings}`,
      );
      results.rendering = rendering;
    }
    const api = new BenchApi(target.apiUrl);
    if (run('intake')) {
      const findingWorkflows = async () => (await client.workflow.count('WorkflowType = "findingWorkflow"')).count;
      const intake = await measureIntake(api, engine, options, say, () => cpuByRole(target) as Record<string, number>, findingWorkflows);
      say(
        `  → intake ${round(intake.best.perSec)} findings/s at ${intake.best.concurrency} (p99 ${round(intake.best.p99Ms)} ms); engine ${round(intake.engineBest.perSec)} workflows/s`,
      );
      results.intake = intake;
    }
    if (run('timers')) {
      const [precision, enginePrecision] = await Promise.all([
        measurePrecision(api, pool, options, say),
        measureEnginePrecision(engine, options),
      ]);
      say(
        `  → precision p50 ${round(precision.p50Ms)} ms, p99 ${round(precision.p99Ms)} ms (${precision.seen}/${precision.n} seen); engine p99 ${round(enginePrecision.p99Ms)} ms`,
      );
      // Without the intake's figures the storm's lead is estimated from a modest pace.
      const storm = await measureStorm(api, pool, client, target, options, results.intake?.best.perSec ?? ASSUMED_PER_SEC, say);
      say(
        `  → storm drain ${round(storm.drainMs)} ms, late p99 ${round(storm.lateP99Ms)} ms, missing ${storm.missing}, setup ${round(storm.setupMs / 1000)} s`,
      );
      const engineStorm = await measureEngineStorm(
        engine,
        target,
        options.stormFindings,
        results.intake?.engineBest.perSec ?? ASSUMED_PER_SEC,
        options.mode === 'tiny',
        say,
      );
      say(`  → engine storm drain ${round(engineStorm.drainMs)} ms, missing ${engineStorm.missing}`);
      results.timers = { precision, enginePrecision, storm, engineStorm };
    }
    // After the timers, so that its thousands of findings weigh on neither the precision nor the storm.
    if (results.intake) {
      const background = results.intake.best.concurrency;
      const caseOpen = await measureCaseOpen(
        api,
        {
          findings: options.caseOpenFindings,
          samples: options.caseOpenSamples,
          background,
          backgroundCaseSize: options.findingsPerIntakeCase,
        },
        say,
      );
      say(
        `  → a case of ${caseOpen.findings} opened in p50 ${round(caseOpen.p50Ms)} ms, p99 ${round(caseOpen.p99Ms)} ms (${caseOpen.errors} errors)`,
      );
      results.intake.caseOpen = caseOpen;
    }
    // Before the reads seed the ledger up to their size: the export writes the first exportRows.
    if (run('export')) {
      const exported = await measureExport(target.apiUrl, pool, apiPid(), options.exportRows, say);
      say(
        `  → export ${exported.rows} rows as XLSX in ${round(exported.ms)} ms: ${round(exported.rowsPerSec)} rows/s (bare COPY ${round(exported.bareRowsPerSec)} rows/s); API RSS +${round(exported.apiRssDeltaMiB)} MiB over ${round(exported.apiIdleRssMiB)}`,
      );
      results.export = exported;
    }
    if (run('reads')) results.reads = await measureReads(api, pool, options, say);
    api.close();
    process.stderr.write(`\n${humanReport(results)}\n\n`);
    summary = JSON.stringify(summaryJson(results));
  } finally {
    if (process.env['DATABASE_URL']) await removeSeed(pool).catch(() => undefined);
    await engine.stop();
    await connection.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    say('stopping the stack…');
    await target.stop();
    target.cleanUp(options.keep);
  }
  // Written once everything has stopped, so that no log of a stopping process can follow it.
  process.stdout.write(`${summary}\n`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    say(`failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
