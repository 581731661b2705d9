import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from './api-metrics';
import { routeLabel } from './http-route-label';

const logger = new Logger('HttpMetrics');

/**
 * Times every request from its arrival to its answer, including those a guard or filter refused.
 * The route is read when the answer is sent, once Express has matched it. A failure to record is
 * logged, never thrown: it would surface on a response event, outside any request's error handling.
 */
export function recordHttpDurations(metrics: ApiMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    response.once('finish', () => {
      try {
        stop({ method: request.method, route: routeLabel(request), status_code: String(response.statusCode) });
      } catch (error) {
        logger.warn(`request duration not recorded: ${(error as Error).message}`);
      }
    });
    next();
  };
}
