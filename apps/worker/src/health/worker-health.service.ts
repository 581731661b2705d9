import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { createServer, type Server } from 'node:http';
import { DataSource } from 'typeorm';
import { TemporalWorkerService } from '../temporal/temporal-worker.service';
import { probeAnswer } from './worker-probes';

const DATABASE_CHECK_MS = 2000;

/** Serves the worker's readiness and liveness probes on WORKER_HEALTH_PORT, when it is set. */
@Injectable()
export class WorkerHealthService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthService.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfigService,
    private readonly worker: TemporalWorkerService,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const port = this.config.values.WORKER_HEALTH_PORT;
    if (!port) return;
    this.server = createServer((request, response) => {
      void this.answer(request.url ?? '/').then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    this.server.listen(port, () => this.logger.log(`worker probes on :${port} (/health, /health/live)`));
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  private async answer(url: string) {
    const path = url.split('?')[0];
    const database = path === '/health' ? await this.database() : 'down';
    return probeAnswer(path, this.worker.state(), database) ?? { status: 404, body: { status: 'error' as const, checks: {} } };
  }

  private async database(): Promise<'up' | 'down'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), DATABASE_CHECK_MS)));
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return 'up';
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
