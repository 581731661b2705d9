// The browser the console's end-to-end test drives: Debian's `chromium` (Playwright's own browser
// download cannot work offline), and a CJK font so that screenshots show Chinese, not boxes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { log } from './tools.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = { chromium: 'chromium', font: 'fonts-wqy-microhei' };

const succeeds = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const hasCjkFont = () => spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim().length > 0;

/** The apt-get to run as root: itself when we are root, else `sudo -n` if that works without a password. */
export function aptGet() {
  if (!succeeds('sh', ['-c', 'command -v apt-get'])) return null;
  if (process.getuid?.() === 0) return ['apt-get'];
  return succeeds('sudo', ['-n', 'true']) ? ['sudo', '-n', 'apt-get'] : null;
}

/**
 * Installs what is missing; never throws, since only the browser test needs it — that test fails
 * with its own clear message when the browser is still not there.
 */
export function ensureBrowser() {
  const missing = [];
  if (!existsSync(CHROMIUM) && !succeeds('sh', ['-c', 'command -v chromium'])) missing.push(PACKAGES.chromium);
  if (!hasCjkFont()) missing.push(PACKAGES.font);
  if (missing.length === 0) return true;
  const apt = aptGet();
  if (!apt) {
    log(
      `cannot install ${missing.join(', ')}: apt-get as root is not available; the console's browser test will fail until they are installed`,
    );
    return false;
  }
  log(`installing ${missing.join(', ')} (apt-get) for the console's browser test…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [command, ...prefix] = apt;
  const ok =
    spawnSync(command, [...prefix, 'update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0 &&
    spawnSync(command, [...prefix, 'install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (!ok) log(`installing ${missing.join(', ')} failed; the console's browser test will fail until they are installed`);
  return ok;
}
