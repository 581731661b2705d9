// The official Temporal CLI's dev server, persisting to SQLite under DATA_DIR.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, waitFor } from './processes.mjs';

export async function startTemporalDevServer({
  cli,
  dataDir,
  port,
  uiPort,
  namespace = 'default',
  name = 'temporal',
  logLevel = 'warn',
  dynamicConfig = {},
}) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', logLevel];
  // Activities scheduled by a workflow task go back to its worker in the task's answer, not
  // through the task queue (the SDK asks for it by default; README, Performance).
  const settings = { 'system.enableActivityEagerExecution': true, ...dynamicConfig };
  // Values are YAML: a duration such as 100ms goes in quotes.
  for (const [key, value] of Object.entries(settings)) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    // Write-ahead log, synced at checkpoints rather than at every commit: what the dev server
    // sustains goes from ~20 to ~60 workflow starts/s (README, Performance). Every commit survives
    // a crash of any process; only an OS crash or power cut can lose the last instants.
    args.push(
      '--db-filename',
      join(dataDir, 'temporal.db'),
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
  }
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  const child = startProcess(name, cli, args);
  const address = `127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    'the Temporal dev server',
    async () => {
      if (exited) throw new Error(`the Temporal dev server exited (code ${child.exitCode})`);
      const health = spawnSync(cli, ['operator', 'namespace', 'describe', '--namespace', namespace, '--address', address], {
        stdio: 'ignore',
        timeout: 5000,
      });
      return health.status === 0;
    },
    60_000,
    300,
  ).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return { address, child };
}
