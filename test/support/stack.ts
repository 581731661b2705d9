import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** Policies of seconds, so that timers fire while a test watches. */
export const SECONDS_POLICIES = {
  POLICY_PLAN_DUE: 'PT20S',
  POLICY_REMIND_BEFORE: 'PT1S',
  POLICY_ESCALATION_STEP: 'PT2S',
  POLICY_APPROVAL_SLA: 'PT20S',
  POLICY_FOLLOW_UP_AFTER: 'PT2S',
};

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

async function threeDistinctPorts(): Promise<{ port: number; temporalPort: number; uiPort: number }> {
  const chosen = new Set<number>();
  while (chosen.size < 3) chosen.add(await freePort());
  const [port, temporalPort, uiPort] = [...chosen];
  return { port, temporalPort, uiPort };
}

export interface StackOptions {
  dataDir?: string;
  env?: Record<string, string>;
}

/**
 * The whole product as `npm start` runs it (API, worker, Temporal dev server, PostgreSQL), in its
 * own process group so that a test can SIGKILL all of it at once, as a crash would.
 */
export class Stack {
  private exited: Promise<number | null>;
  output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    readonly port: number,
    readonly temporalPort: number,
    readonly env: Record<string, string>,
  ) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(options: StackOptions = {}, ports?: { port: number; temporalPort: number; uiPort: number }): Promise<Stack> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'reform-e2e-'));
    const chosen = ports ?? (await threeDistinctPorts());
    const env = {
      ...SECONDS_POLICIES,
      ...options.env,
      DATA_DIR: dataDir,
      PORT: String(chosen.port),
      TEMPORAL_PORT: String(chosen.temporalPort),
      TEMPORAL_UI_PORT: String(chosen.uiPort),
      SKIP_BUILD: '1',
    };
    const child = spawn(process.execPath, [join(ROOT, 'infra/local/start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stack = new Stack(child, dataDir, chosen.port, chosen.temporalPort, env);
    stack.ports = chosen;
    await stack.waitHealthy();
    return stack;
  }

  ports!: { port: number; temporalPort: number; uiPort: number };

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  async waitHealthy(timeoutMs = 150_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`the stack exited (${exitCode}):\n${this.tail()}`);
      const healthy = await fetch(this.url('/health')).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`the stack did not become healthy:\n${this.tail()}`);
  }

  /** The end of the output, the Temporal dev server's chatter left out so that the reason shows. */
  tail(chars = 4000): string {
    return this.output
      .split('\n')
      .filter((line) => !line.startsWith('[temporal]'))
      .join('\n')
      .slice(-chars);
  }

  /** Kills every process of the stack at once, as a power cut would. */
  async crash(): Promise<void> {
    try {
      process.kill(-(this.child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
    await this.exited;
    await this.processGroupGone(10_000);
  }

  /**
   * Waits until the kernel has let go of every process of the group: a killed PostgreSQL not yet
   * reaped still owns its PID, and a restart on the same data directory then refuses to start
   * ("lock file postmaster.pid already exists"), as a fixed half-second wait once let it.
   */
  private async processGroupGone(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        process.kill(-(this.child.pid as number), 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<number | null> {
    try {
      process.kill(-(this.child.pid as number), 'SIGTERM');
    } catch {
      return this.exited;
    }
    const timer = setTimeout(() => this.crash(), 40_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
