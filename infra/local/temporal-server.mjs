// The official Temporal CLI's dev server, persisting to SQLite under DATA_DIR.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { prefixed, startProcess, waitFor } from './processes.mjs';

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
  // The server picks its internal ports itself and one can be taken before it binds it (it then
  // exits); a second attempt picks others. What it printed goes into the error either way.
  try {
    return await startOnce({ cli, args, port, namespace, name });
  } catch (error) {
    prefixed(name)(`${error.message}\nstarting it once more`);
    return startOnce({ cli, args, port, namespace, name });
  }
}

const READY_WITHIN_MS = 60_000;

/** Starts the server and waits until it answers; if it exits or hangs, the error carries what it printed. */
async function startOnce({ cli, args, port, namespace, name }) {
  const child = startProcess(name, cli, args);
  const printed = [];
  const keep = (chunk) => {
    printed.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.trim()),
    );
    printed.splice(0, Math.max(0, printed.length - 20));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const address = `127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await waitFor(
      'the Temporal dev server',
      async () => {
        const health = spawnSync(cli, ['operator', 'namespace', 'describe', '--namespace', namespace, '--address', address], {
          stdio: 'ignore',
          timeout: 5000,
        });
        return health.status === 0;
      },
      READY_WITHIN_MS,
      300,
      () => exited && `the Temporal dev server exited (code ${child.exitCode})`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    await new Promise((resolve) => (exited ? resolve() : child.once('exit', resolve)));
    const output = printed.length ? `; it printed:\n${printed.join('\n')}` : '; it printed nothing';
    throw new Error(`${error.message}${output}`);
  }
  return { address, child };
}
