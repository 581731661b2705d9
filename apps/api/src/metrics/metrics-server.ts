import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService, exitWith } from '@reform/config';
import { createServer, type Server } from 'node:http';
import { ApiMetrics } from './api-metrics';
import { METRICS_PATH, sendMetrics } from './metrics-endpoint';

/** With METRICS_PORT, serves GET /metrics there and nothing else; PORT then never serves it. */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfigService,
    private readonly metrics: ApiMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const exposure = this.config.values.metrics;
    if (exposure.kind !== 'port') return;
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (path === METRICS_PATH && (request.method === 'GET' || request.method === 'HEAD'))
        void sendMetrics(this.metrics.registry, response);
      else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(exposure.port, resolve)).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') exitWith(`port ${exposure.port} is already in use: set METRICS_PORT to a free port`);
        throw error;
      },
    );
    this.server = server;
    this.logger.log(`metrics on :${exposure.port}${METRICS_PATH}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
