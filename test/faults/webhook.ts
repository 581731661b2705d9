import { createServer, type Server } from 'node:http';
import type { Random } from './random';

/**
 * Where the workers deliver notifications. It refuses a share of deliveries (HTTP 503), so that
 * the outbox's retries are exercised too; what it accepted, it keeps by idempotency key with the time of each arrival.
 */
export class Webhook {
  readonly accepted = new Map<string, number[]>();
  deliveries = 0;
  refused = 0;
  private server?: Server;

  constructor(
    private readonly random: Random,
    private readonly refuseShare: number,
  ) {}

  async start(port: number): Promise<string> {
    this.server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        this.deliveries += 1;
        if (this.random.chance(this.refuseShare)) {
          this.refused += 1;
          response.writeHead(503).end();
          return;
        }
        const key = String(request.headers['idempotency-key']);
        this.accepted.set(key, [...(this.accepted.get(key) ?? []), Date.now()]);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}/notifications`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
