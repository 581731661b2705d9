import type { Cluster } from './cluster';
import type { ManagedProcess } from './processes';
import { sleep, type Random } from './random';
import type { Traffic } from './traffic';

export type FaultKind = 'worker-kill' | 'api-kill' | 'temporal-kill' | 'postgres-outage' | 'worker-term' | 'api-term';

/** The issue's four faults (the kills twice), plus a graceful stop of a worker and of an API. */
export const DEFAULT_FAULTS: FaultKind[] = [
  'worker-kill',
  'worker-kill',
  'api-kill',
  'api-kill',
  'temporal-kill',
  'postgres-outage',
  'worker-term',
  'api-term',
];

const POSTGRES_DOWN_MS = 20_000;
/** A worker drains for up to its shutdownGraceTime (20 s); it must be gone well within this. */
const WORKER_DRAIN_LIMIT_MS = 45_000;
const API_DRAIN_LIMIT_MS = 90_000;
/** A request this old when SIGTERM arrives is surely being served: it must get its answer. */
const SURELY_IN_FLIGHT_MS = 300;

export interface FaultRecord {
  kind: FaultKind;
  target: string;
  atS: number;
  note: string;
  violation?: string;
}

/**
 * Injects the faults one after another at seeded moments while the findings are driven. Each one
 * waits until the stack is healthy again before the next, so every fault meets a working system.
 */
export class FaultInjector {
  readonly records: FaultRecord[] = [];

  constructor(
    private readonly cluster: Cluster,
    private readonly traffic: Traffic,
    private readonly random: Random,
    private readonly startedAt: number,
    private readonly say: (line: string) => void,
  ) {}

  async run(kinds: FaultKind[], firstAfterMs: number, gapMs: [number, number]): Promise<void> {
    const order = this.random.shuffle([...kinds]);
    await sleep(firstAfterMs);
    for (const kind of order) {
      const record = await this.inject(kind);
      this.records.push(record);
      this.say(`t+${record.atS}s ${kind} ${record.target}: ${record.note}${record.violation ? ` — VIOLATION: ${record.violation}` : ''}`);
      await this.everythingReady();
      await sleep(this.random.int(gapMs[0], gapMs[1]));
    }
  }

  private async inject(kind: FaultKind): Promise<FaultRecord> {
    const atS = Math.round((Date.now() - this.startedAt) / 1000);
    const index = this.random.int(0, 1);
    switch (kind) {
      case 'worker-kill':
        return { kind, target: this.cluster.workers[index].name, atS, note: await this.kill(this.cluster.workers[index]) };
      case 'api-kill':
        return { kind, target: this.cluster.apis[index].name, atS, note: await this.killApi(index) };
      case 'temporal-kill':
        return { kind, target: 'temporal', atS, note: await this.kill(this.cluster.temporal, [1000, 3000]) };
      case 'postgres-outage': {
        const started = Date.now();
        await this.cluster.postgresOutage(POSTGRES_DOWN_MS);
        return {
          kind,
          target: 'postgres',
          atS,
          note: `down for ${seconds(Date.now() - started)} (stopped, started again on the same data)`,
        };
      }
      case 'worker-term':
        return { kind, target: this.cluster.workers[index].name, atS, ...(await this.terminateWorker(this.cluster.workers[index])) };
      case 'api-term':
        return { kind, target: this.cluster.apis[index].name, atS, ...(await this.terminateApi(index)) };
    }
  }

  private async kill(process: ManagedProcess, downMs: [number, number] = [500, 3000]): Promise<string> {
    await process.stop('SIGKILL');
    const down = this.random.int(downMs[0], downMs[1]);
    await sleep(down);
    const started = Date.now();
    process.start();
    await process.waitReady(180_000);
    return `SIGKILL, restarted after ${seconds(down)}, ready in ${seconds(Date.now() - started)}`;
  }

  private async killApi(index: number): Promise<string> {
    const inFlight = await this.awaitInFlight(index);
    const note = await this.kill(this.cluster.apis[index]);
    return `${inFlight} request(s) in flight; ${note}`;
  }

  private async terminateWorker(process: ManagedProcess): Promise<Pick<FaultRecord, 'note' | 'violation'>> {
    const { ms, forced } = await process.stop('SIGTERM', WORKER_DRAIN_LIMIT_MS);
    process.start();
    await process.waitReady(180_000);
    const violation = forced ? `did not drain within ${seconds(WORKER_DRAIN_LIMIT_MS)}; SIGKILLed` : undefined;
    return { note: `SIGTERM, drained and exited in ${seconds(ms)}, restarted`, violation };
  }

  /** SIGTERM with requests in flight: each of them must still get its answer. */
  private async terminateApi(index: number): Promise<Pick<FaultRecord, 'note' | 'violation'>> {
    await this.awaitInFlight(index);
    const now = Date.now();
    const serving = this.traffic.inFlight(index).filter((request) => now - request.startedAt >= SURELY_IN_FLIGHT_MS);
    const { ms, forced } = await this.cluster.apis[index].stop('SIGTERM', API_DRAIN_LIMIT_MS);
    await sleep(500);
    const dropped = serving.filter((request) => request.settled === 'no-answer');
    this.cluster.apis[index].start();
    await this.cluster.apis[index].waitReady(180_000);
    const problems = [
      forced ? `did not finish within ${seconds(API_DRAIN_LIMIT_MS)}; SIGKILLed` : '',
      dropped.length
        ? `${dropped.length} in-flight request(s) got no answer: ${dropped.map((r) => `${r.method} ${r.path}`).join(', ')}`
        : '',
    ].filter(Boolean);
    return {
      note: `SIGTERM with ${serving.length} request(s) being served, ${serving.length - dropped.length} answered before it exited in ${seconds(ms)}; restarted`,
      violation: problems.length ? problems.join('; ') : undefined,
    };
  }

  /** Waits (a little) until the API has requests in flight, so a kill strikes mid-request. */
  private async awaitInFlight(index: number): Promise<number> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const count = this.traffic.inFlight(index).filter((r) => Date.now() - r.startedAt >= SURELY_IN_FLIGHT_MS).length;
      if (count > 0) return count;
      await sleep(100);
    }
    return this.traffic.inFlight(index).length;
  }

  private async everythingReady(): Promise<void> {
    const all = [this.cluster.temporal, ...this.cluster.workers, ...this.cluster.apis];
    await Promise.all(all.map((process) => process.waitReady(180_000)));
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
