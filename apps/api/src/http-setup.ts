import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@reform/config';
import helmet from 'helmet';
import { exposeMetrics } from './metrics/metrics-endpoint';
import { setUpOpenApi } from './open-api';
import { validationFailure } from './validation/validation-failure';

// Well under Temporal's 2 MB payload limit: a case's body travels on into the workflow's input, its
// projection activity and its update result, each a little larger than the body itself.
export const JSON_BODY_LIMIT = '1mb';

/** The one global ValidationPipe's options: a refusal leaves as an InvalidInputError naming its first field. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationFailure,
};

/**
 * Everything the HTTP app needs before it listens — security headers, CORS, the body limit, the
 * prefix, validation and the docs. main.ts and the in-process HTTP tests both call it, so the
 * tests exercise what production runs.
 */
export function configureHttp(app: NestExpressApplication, config: Pick<AppConfig, 'CORS_ORIGINS'>): void {
  exposeMetrics(app);
  // The console previews a document's PDF in a frame of a blob: URL it fetched with its token.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'frame-src': ["'self'", 'blob:'] } } }));
  // Closed unless CORS_ORIGINS names the browser origins allowed to call the API.
  if (config.CORS_ORIGINS?.length) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    });
  }
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'health/live'] });
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  setUpOpenApi(app);
}
