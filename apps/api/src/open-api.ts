import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { shapeComponents } from '@reform/contracts/http';
import { errorAnswer } from './docs/responds.decorator';

/** What the global guards answer on every route that needs a token: no token, a role not allowed, over the rate limit. */
const GUARDED_ERRORS = [401, 403, 429] as const;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The OpenAPI document (3.1, whose schemas are JSON Schema 2020-12 — what zod emits): the routes
 * Nest finds, their request DTOs, and every response body from the contract's shapes in
 * `@reform/contracts/http`, referenced as components.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('以案促改 — case-driven reform')
      .setDescription('Cases, findings and their rectification lifecycle (HTTP contract v1).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...shapeComponents() } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation?.security?.length) continue;
      for (const status of GUARDED_ERRORS) {
        operation.responses[status] ??= errorAnswer(status);
      }
    }
  }
  return document;
}

export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
