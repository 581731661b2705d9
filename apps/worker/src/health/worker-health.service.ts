import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { TemporalWorkerService } from '../temporal/temporal-worker.service';
import { probeAnswer, WORKER_METRICS_PATH } from './worker-probes';

const DATABASE_CHECK_MS = 2000;

/** Serves the worker's readiness and liveness probes, and its metrics, on WORKER_HEALTH_PORT, when it is set. */
@Injectable()
export class WorkerHealthService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthService.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfigService,
    private readonly worker: TemporalWorkerService,
    private readonly dataSource: DataSource,
    private readonly metrics: WorkerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const port = this.config.values.WORKER_HEALTH_PORT;
    if (!port) return;
    this.server = createServer((request, response) => {
      if ((request.url ?? '/').split('?')[0] === WORKER_METRICS_PATH) return void this.sendMetrics(response);
      void this.answer(request.url ?? '/').then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    this.server.listen(port, () => this.logger.log(`worker probes on :${port} (/health, /health/live) and ${WORKER_METRICS_PATH}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  private async sendMetrics(response: ServerResponse): Promise<void> {
    try {
      const text = await this.metrics.registry.metrics();
      response.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text);
    } catch (error) {
      this.logger.warn(`metrics not collected: ${(error as Error).message}`);
      response.writeHead(503, { 'content-type': 'text/plain' }).end('metrics not collected\n');
    }
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
