import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { bearer } from '../support/tokens';

export const officer = bearer({ sub: 'bench-officer', roles: ['officer'] });
export const supervisor = bearer({ sub: 'bench-supervisor', roles: ['supervisor'] });
export const admin = bearer({ sub: 'bench-admin', roles: ['admin'] });
/** A supervisor of a discipline-side org unit: sees that org unit's jurisdiction only. */
export const supervisorOf = (orgUnitId: string) => bearer({ sub: `bench-supervisor-${orgUnitId}`, roles: ['supervisor'], orgUnitId });

export interface OpenedCase {
  id: string;
  findings: Array<{ id: string; dueAt: string }>;
}

export interface Timed<T> {
  status: number;
  body: T;
  ms: number;
}

/**
 * The API as a client sees it: JSON over HTTP, each call timed. Plain node:http with keep-alive:
 * cheaper per call than fetch for the load generator, and no 5-minute header timeout to cut a
 * large case opened on a busy machine.
 */
export class BenchApi {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly base: string) {}

  get<T>(path: string, headers = supervisor): Promise<Timed<T>> {
    return this.send<T>('GET', `/api/v1${path}`, headers);
  }

  put<T>(path: string, body: unknown, headers = admin): Promise<Timed<T>> {
    return this.send<T>('PUT', `/api/v1${path}`, headers, body);
  }

  /** POST /cases with one finding per entry of `dueAts`. */
  openCase(dueAts: string[], label: string): Promise<Timed<OpenedCase>> {
    const tag = randomBytes(3).toString('hex');
    const body = {
      title: `${label} ${tag}`,
      summary: '基准测试 benchmark case',
      source: 'inspection',
      findings: dueAts.map((dueAt, i) => ({
        title: `${label} finding ${i + 1}`,
        description: '基准测试 benchmark finding',
        unitId: `U-${String(i % 50).padStart(3, '0')}`,
        dueAt,
      })),
    };
    return this.send<OpenedCase>('POST', '/api/v1/cases', officer, body);
  }

  close(): void {
    this.agent.destroy();
  }

  private send<T>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Timed<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const call = request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: keep the text for the error message
            }
            resolve({ status: response.statusCode ?? 0, body: parsed as T, ms });
          });
        },
      );
      call.on('error', reject);
      call.end(payload);
    });
  }
}
