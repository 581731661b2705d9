import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** Runs the benchmark at its tiny size against a stack of its own, as `npm run bench -- --tiny` does. */
function runTinyBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' };
  for (const name of ['DATA_DIR', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'PORT']) delete env[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'test/bench/main.ts', '--tiny', '--skip-build'], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const positive = expect.any(Number);

describe('the benchmark (npm run bench) at its tiny size', () => {
  it('measures every figure against its baseline and ends stdout with one JSON object; no deadline is missed', async () => {
    const { code, stdout, stderr } = await runTinyBench();
    if (code !== 0) throw new Error(`the benchmark exited ${code}:\n${stderr.slice(-4000)}`);
    const lines = stdout.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result).toEqual({
      intake: {
        findingsPerSec: positive,
        engineWorkflowsPerSec: positive,
        ratio: positive,
        p50Ms: positive,
        p99Ms: positive,
        caseOpenFindings: 20,
        caseOpenP50Ms: positive,
        caseOpenP99Ms: positive,
      },
      timers: {
        precisionP50Ms: positive,
        precisionP99Ms: positive,
        enginePrecisionP99Ms: positive,
        lateOverEngineP99Ms: expect.any(Number),
        n: 50,
        drainMs: positive,
        engineDrainMs: positive,
        drainRatio: positive,
        lateP99Ms: positive,
        missing: 0,
      },
      reads: {
        rows: positive,
        listP50Ms: positive,
        listP99Ms: positive,
        sqlP99Ms: positive,
        summaryP99Ms: positive,
        jurisdictionRows: positive,
        jurisdictionListP50Ms: positive,
        jurisdictionListP99Ms: positive,
        jurisdictionSqlP99Ms: positive,
        scopedListP99Ms: positive,
      },
      export: {
        rows: positive,
        rowsPerSec: positive,
        bareRowsPerSec: positive,
        apiIdleRssMiB: positive,
        apiRssDeltaMiB: expect.any(Number),
      },
      files: {
        mib: 4,
        uploadMiBps: positive,
        copyInMiBps: positive,
        uploadRatio: positive,
        downloadMiBps: positive,
        copyOutMiBps: positive,
        downloadRatio: positive,
        apiIdleRssMiB: positive,
        apiRssGrowthMiB: expect.any(Number),
      },
      documents: { renderP50Ms: positive, renderP99Ms: positive },
      worker: { openWorkflows: positive, rssMiB: positive, workflowTasksPerSec: positive },
    });
    // The API streamed the file: its memory grew by far less than the file's size.
    expect(result.files.apiIdleRssMiB).toBeGreaterThan(20);
    expect(result.intake.findingsPerSec).toBeGreaterThan(0);
    expect(result.intake.engineWorkflowsPerSec).toBeGreaterThan(0);
    // Taken before rounding: within a rounding of the difference of the rounded figures.
    const overEngine = result.timers.precisionP99Ms - result.timers.enginePrecisionP99Ms;
    expect(Math.abs(result.timers.lateOverEngineP99Ms - overEngine)).toBeLessThanOrEqual(1.5);
    expect(stderr).toMatch(/case of 20 opened, p50 \/ p99/);
    expect(result.reads.rows).toBeGreaterThanOrEqual(2000);
    expect(result.export.rows).toBeGreaterThanOrEqual(1000);
    // A supervisor of the office sees some of the findings, not all of them.
    expect(result.reads.jurisdictionRows).toBeGreaterThan(0);
    expect(result.reads.jurisdictionRows).toBeLessThan(result.reads.rows);
    expect(result.worker.openWorkflows).toBeGreaterThanOrEqual(50);
    expect(result.worker.rssMiB).toBeGreaterThan(0);
    // The human table goes to stderr, beside the JSON.
    expect(stderr).toMatch(/figure\s+product\s+engine baseline\s+ratio/);
  });
});
