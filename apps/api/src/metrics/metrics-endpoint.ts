import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfigService } from '@reform/config';
import type { NextFunction, Request, Response } from 'express';
import type { ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { ApiMetrics } from './api-metrics';
import { recordHttpDurations } from './http-metrics.middleware';
import { bearerMatches } from './metrics-token';

/** Where Prometheus scrapes, on METRICS_PORT or (behind METRICS_TOKEN) on PORT. */
export const METRICS_PATH = '/metrics';

const logger = new Logger('Metrics');

/**
 * Times every request, and with METRICS_TOKEN (and no METRICS_PORT) serves GET /metrics on the
 * public port to `Authorization: Bearer <token>` only. Mounted on Express before Nest's router, so
 * the route is none of the API's: no @Access rule, no OpenAPI operation, no prefix. Without the
 * token it falls through to the API's 404 (METRICS_PORT's own server is MetricsServer).
 */
export function exposeMetrics(app: NestExpressApplication): void {
  const metrics = app.get(ApiMetrics);
  const exposure = app.get(AppConfigService).values.metrics;
  app.use(recordHttpDurations(metrics));
  if (exposure.kind !== 'token') return;
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path !== METRICS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    if (!bearerMatches(request.headers.authorization, exposure.token)) {
      const body = JSON.stringify({ statusCode: 401, message: 'metrics need the scrape token' });
      response.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }).end(body);
      return;
    }
    void sendMetrics(metrics.registry, response);
  });
}

/** The registry's text; a collection that fails answers 503 to the scraper, and no request of the API is touched. */
export async function sendMetrics(registry: Registry, response: ServerResponse): Promise<void> {
  try {
    const text = await registry.metrics();
    response.writeHead(200, { 'Content-Type': registry.contentType }).end(text);
  } catch (error) {
    logger.warn(`metrics not collected: ${(error as Error).message}`);
    response.writeHead(503, { 'Content-Type': 'text/plain' }).end('metrics not collected\n');
  }
}
