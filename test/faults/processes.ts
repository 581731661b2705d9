import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { sleep } from './random';

/** `import()` that the TypeScript compiler leaves alone, for the ES-module-only packages and scripts. */
export const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

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

/** Thrown by a check that knows waiting longer is pointless. */
export class CannotStart extends Error {}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = await check().catch((error: unknown) => {
      if (error instanceof CannotStart) throw error;
      return false;
    });
    if (done) return;
    await sleep(intervalMs);
  }
  throw new Error(`${what} not reached within ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * One process of the stack, its output in a log file. A supervisor (like Kubernetes) restarts it
 * when it exits without being told to; a kill by the suite is a fault, not an exit to repair.
 */
export class ManagedProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private intended = false;
  private supervised = true;
  readonly unexpectedExits: string[] = [];

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: Record<string, string>,
    private readonly logFile: string,
    readonly ready: () => Promise<boolean>,
  ) {}

  get running(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const log = openSync(this.logFile, 'a');
    const child = spawn(this.command, this.args, { env: { ...process.env, ...this.env }, stdio: ['ignore', log, log] });
    closeSync(log);
    this.child = child;
    this.intended = false;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        resolve();
        if (this.intended || !this.supervised || this.child !== child) return;
        this.unexpectedExits.push(`${this.name} exited on its own (${signal ?? `code ${code}`}) at ${new Date().toISOString()}`);
        setTimeout(() => this.supervised && !this.running && this.start(), 2000);
      }),
    );
  }

  /** Waits for the readiness probe; three exits on the way mean it cannot start (see its log). */
  async waitReady(timeoutMs = 120_000): Promise<void> {
    const exitsBefore = this.unexpectedExits.length;
    await waitUntil(
      `${this.name} ready`,
      async () => {
        if (this.unexpectedExits.length - exitsBefore >= 3)
          throw new CannotStart(`${this.name} exited 3 times while starting; see ${this.logFile}`);
        return this.ready();
      },
      timeoutMs,
      300,
    );
  }

  /** Sends `signal` and waits for the exit; after `graceMs` it is SIGKILLed. Answers how long it took. */
  async stop(signal: NodeJS.Signals, graceMs = 60_000): Promise<{ ms: number; forced: boolean }> {
    const started = Date.now();
    if (!this.running) return { ms: 0, forced: false };
    this.intended = true;
    this.child?.kill(signal);
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      this.child?.kill('SIGKILL');
    }, graceMs);
    await this.exited;
    clearTimeout(timer);
    return { ms: Date.now() - started, forced };
  }

  /** Stops for good: no restart by the supervisor. */
  async shutdown(): Promise<void> {
    this.supervised = false;
    await this.stop('SIGTERM', 30_000);
  }
}
