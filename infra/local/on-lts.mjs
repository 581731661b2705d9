// `node infra/local/on-lts.mjs <command…>`: runs a command with the LTS Node first on PATH (`npm test`
// runs the unit and integration suites so, as well as on the machine's Node).
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { log, ltsNodeBin, ROOT } from './tools.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error('usage: node infra/local/on-lts.mjs <command> [args…]');
const env = { ...process.env, PATH: [ltsNodeBin(), join(ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter) };
const version = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
log(`on Node ${version}: ${[command, ...args].join(' ')}`);
const result = spawnSync(command, args, { env, stdio: 'inherit' });
if (result.error) log(`${command}: ${result.error.message}`);
process.exit(result.status ?? 1);
