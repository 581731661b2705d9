import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './options';
import { sleep } from './stats';

const ROOT = join(__dirname, '../..');

/** The product's default policies, so that a shell's test policies never leak into the figures. */
const DEFAULT_POLICIES = {
  POLICY_PLAN_DUE: 'P7D',
  POLICY_REMIND_BEFORE: 'P3D',
  POLICY_ESCALATION_STEP: 'P7D',
  POLICY_APPROVAL_SLA: 'P3D',
  POLICY_FOLLOW_UP_AFTER: 'P90D',
  POLICY_RECEIPT_DUE: 'P3D',
  POLICY_INTERVIEW_DUE: 'P7D',
};

export type Role = 'api' | 'worker' | 'temporal' | 'postgres';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The product as `npm start` runs it, in its own process group, its output in DATA_DIR/stack.log.
 * TEMPORAL_ADDRESS and DATABASE_URL from the environment are used instead of local servers.
 */
export class Target {
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    readonly apiUrl: string,
    readonly temporalAddress: string,
    readonly databaseUrl: string,
    readonly taskQueue: string,
    readonly metricsUrl: string,
    private readonly ownsDataDir: boolean,
  ) {
    child.once('exit', () => (this.exited = true));
  }

  static async start(options: BenchOptions): Promise<Target> {
    const ownsDataDir = !process.env['DATA_DIR'];
    const dataDir = process.env['DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'reform-bench-'));
    const [port, temporalPort, uiPort, pgPort, metricsPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const temporalAddress = process.env['TEMPORAL_ADDRESS'] ?? `127.0.0.1:${temporalPort}`;
    const databaseUrl = process.env['DATABASE_URL'] ?? `postgres://postgres:postgres@127.0.0.1:${pgPort}/reform`;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      ...DEFAULT_POLICIES,
      DATA_DIR: dataDir,
      PORT: String(port),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_PG_PORT: String(pgPort),
      TEMPORAL_WORKER_METRICS: `127.0.0.1:${metricsPort}`,
      SKIP_BUILD: options.skipBuild ? '1' : '0',
      // One benchmark user sends thousands of reads a minute; the per-user limit stays on, far above that.
      RATE_LIMIT_PER_MINUTE: '1000000',
      // Room for the benchmark's large file, whatever the default limit.
      FILE_MAX_BYTES: String(Math.max(options.fileMiB * 2, 25) * 1024 * 1024),
    };
    if (options.timerShift) env['TEMPORAL_TIMER_MAX_TIME_SHIFT'] = options.timerShift;
    if (options.profileDir) env['APP_NODE_ARGS'] = `--cpu-prof --cpu-prof-dir=${options.profileDir}`;
    const child = spawn(process.execPath, [join(ROOT, 'infra/local/start.mjs')], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(join(dataDir, 'stack.log'));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const target = new Target(
      child,
      dataDir,
      `http://127.0.0.1:${port}`,
      temporalAddress,
      databaseUrl,
      process.env['TEMPORAL_TASK_QUEUE'] ?? 'case-reform',
      `http://127.0.0.1:${metricsPort}/metrics`,
      ownsDataDir,
    );
    try {
      await target.waitHealthy(options.skipBuild ? 180_000 : 600_000);
    } catch (error) {
      await target.stop();
      throw error;
    }
    return target;
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`the stack exited before it was ready:\n${this.tail()}`);
      if (
        await fetch(`${this.apiUrl}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await sleep(300);
    }
    throw new Error(`the stack was not ready within ${timeoutMs / 1000} s:\n${this.tail()}`);
  }

  tail(lines = 30): string {
    try {
      const text = readFileSync(join(this.dataDir, 'stack.log'), 'utf8').split('\n');
      return text
        .filter((line) => !line.startsWith('[temporal]'))
        .slice(-lines)
        .join('\n');
    } catch {
      return '(no output)';
    }
  }

  /** The stack's processes by role (Linux and macOS `ps`); a role missing was not started here. */
  processes(): Map<Role, number[]> {
    const table = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout ?? '';
    const rows = table
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null);
    const children = new Map<number, number[]>();
    for (const [, pid, ppid] of rows) children.set(Number(ppid), [...(children.get(Number(ppid)) ?? []), Number(pid)]);
    const args = new Map(rows.map(([, pid, , command]) => [Number(pid), command]));
    const roles = new Map<Role, number[]>();
    const visit = (pid: number, inherited?: Role) => {
      const command = args.get(pid) ?? '';
      const role: Role | undefined =
        inherited ??
        (command.includes('apps/api/main.js')
          ? 'api'
          : command.includes('apps/worker/main.js')
            ? 'worker'
            : /temporal\S*\s+server\s+start-dev/.test(command)
              ? 'temporal'
              : /(^|\/)postgres$/.test(command.split(' ')[0])
                ? 'postgres'
                : undefined);
      if (role) roles.set(role, [...(roles.get(role) ?? []), pid]);
      for (const child of children.get(pid) ?? []) visit(child, role);
    };
    visit(this.child.pid as number);
    return roles;
  }

  async stop(): Promise<void> {
    const group = -(this.child.pid as number);
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      // already gone
    }
    for (let waited = 0; !this.exited && waited < 40_000; waited += 200) await sleep(200);
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // every process has exited
    }
  }

  /** Removes the temporary DATA_DIR unless asked to keep it (or it was the caller's). */
  cleanUp(keep: boolean): void {
    if (this.ownsDataDir && !keep) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) a set of processes has used so far; 0 where /proc is missing. */
export function cpuSeconds(pids: number[]): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / ticks;
    } catch {
      // exited, or not Linux
    }
  }
  return total;
}

/** Resident memory of a process in MiB: current and peak (VmHWM), from /proc, else `ps`. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    const rss = Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
    return { rss, peak: rss };
  }
}
