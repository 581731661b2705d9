// promtool, which checks the alert rules in npm test (infra/observability): Debian's `prometheus`
// package ships it (~19 MB). Without it the rules are checked for their shape only.
import { spawnSync } from 'node:child_process';
import { aptGet } from './browser.mjs';
import { log } from './tools.mjs';

const PACKAGE = 'prometheus';

/** Installs promtool when it is missing; never throws, the test falls back to its own checks. */
export function ensurePromtool() {
  if (spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0) return true;
  const apt = aptGet();
  if (!apt) {
    log(`cannot install ${PACKAGE}: apt-get as root is not available; the alert rules are checked without promtool`);
    return false;
  }
  log(`installing ${PACKAGE} (apt-get) for promtool, which checks the alert rules…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [command, ...prefix] = apt;
  const ok =
    spawnSync(command, [...prefix, 'update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0 &&
    spawnSync(command, [...prefix, 'install', '-y', '-qq', '--no-install-recommends', PACKAGE], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    }).status === 0 &&
    spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!ok) log(`installing ${PACKAGE} failed; the alert rules are checked without promtool`);
  // Only promtool is wanted: where systemd started the package's Prometheus server, stop it again.
  if (ok && spawnSync('sh', ['-c', 'command -v systemctl'], { stdio: 'ignore' }).status === 0) {
    const [run, ...args] = apt[0] === 'sudo' ? ['sudo', '-n', 'systemctl'] : ['systemctl'];
    spawnSync(run, [...args, 'disable', '--now', PACKAGE], { stdio: 'ignore' });
  }
  return ok;
}
