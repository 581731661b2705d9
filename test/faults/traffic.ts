import type { Random } from './random';

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** A request that got no HTTP answer: refused, reset, or timed out. */
export class NoAnswer {
  constructor(readonly reason: string) {}
}

interface Tracked {
  api: number;
  method: string;
  path: string;
  startedAt: number;
  settled?: 'answered' | 'no-answer' | 'gave-up';
}

const REQUEST_TIMEOUT_MS = 90_000;

/** Every request of the suite, spread over both APIs, with what is in flight on each right now. */
export class Traffic {
  private readonly tracked = new Set<Tracked>();
  readonly statuses = new Map<number, number>();
  readonly serverErrors: string[] = [];
  noAnswers = 0;

  private running = 0;
  private readonly queue: (() => void)[] = [];

  /** At most `concurrency` requests at a time: clients that wait their turn, not a stampede. */
  constructor(
    private readonly urls: string[],
    private readonly random: Random,
    private readonly concurrency: number,
  ) {}

  private async turn(): Promise<() => void> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running += 1;
    return () => {
      this.running -= 1;
      this.queue.shift()?.();
    };
  }

  inFlight(api: number): Tracked[] {
    return [...this.tracked].filter((t) => t.api === api && !t.settled);
  }

  async request(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    api = this.random.int(0, this.urls.length - 1),
  ): Promise<Answer | NoAnswer> {
    const done = await this.turn();
    try {
      return await this.send(method, path, body, headers, api);
    } finally {
      done();
    }
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    api: number,
  ): Promise<Answer | NoAnswer> {
    const entry: Tracked = { api, method, path, startedAt: Date.now() };
    this.tracked.add(entry);
    try {
      const response = await fetch(`${this.urls[api]}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      entry.settled = 'answered';
      this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      if (response.status >= 500 && response.status !== 503)
        this.serverErrors.push(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
      return { status: response.status, body: parsed, headers: response.headers };
    } catch (error) {
      // The client's own timeout is a client giving up, not a server dropping the request.
      entry.settled = (error as Error).name === 'TimeoutError' ? 'gave-up' : 'no-answer';
      this.noAnswers += 1;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return new NoAnswer(cause?.code ?? cause?.message ?? (error as Error).message);
    } finally {
      // Keep the record a little while, so a fault can look at what was in flight when it struck.
      setTimeout(() => this.tracked.delete(entry), 120_000).unref();
    }
  }

  summary(): string {
    const statuses = [...this.statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    return `${statuses.join(' ')}, ${this.noAnswers} without an answer`;
  }
}
