import type { OpenAPIObject } from '@nestjs/swagger';
import { configureHttp } from './http-setup';
import { buildOpenApiDocument } from './open-api';
import { createUnstartedApp } from './testing/unstarted-app';
import { routesOf } from './testing/routes-of';

type Operation = {
  parameters?: Array<{ in: string }>;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_BODY = '#/components/schemas/ErrorBody';

/** The document as production serves it, from the app AppModule wires (never started). */
async function buildDocument(): Promise<OpenAPIObject> {
  const app = await createUnstartedApp();
  configureHttp(app, { CORS_ORIGINS: undefined });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  let operations: Array<{ name: string; path: string; operation: Operation }>;

  beforeAll(async () => {
    document = await buildDocument();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = (item as Record<string, Operation | undefined>)[method];
        return operation ? [{ name: `${method.toUpperCase()} ${path}`, path, operation }] : [];
      }),
    );
  });

  const refOf = (operation: Operation, status: string, media = 'application/json') =>
    operation.responses[status]?.content?.[media]?.schema?.$ref;
  const errorsMissing = (statuses: (operation: Operation, path: string, name: string) => string[]) =>
    operations.flatMap(({ name, path, operation }) =>
      statuses(operation, path, name)
        .filter((status) => refOf(operation, status) !== ERROR_BODY)
        .map((status) => `${name} ${status}`),
    );

  it('lists every route of the app', async () => {
    const app = await createUnstartedApp();
    const served = routesOf(app).map((route) => route.key);
    await app.close();
    expect(operations).toHaveLength(served.length);
    expect(served).toEqual(expect.arrayContaining(['POST /cases', 'GET /findings/:id', 'GET /ledger']));
  });

  it('gives every operation a 2xx answer whose JSON body is a contract shape, or the bytes of a file, or a 204 with no body', () => {
    const servesBytes = (operation: Operation, status: string) =>
      JSON.stringify(operation.responses[status]).includes('"application/octet-stream":{"schema":{"type":"string","format":"binary"}}');
    const saysNothing = (operation: Operation, status: string) => status === '204' && operation.responses[status]?.content === undefined;
    const without = operations.filter(
      ({ operation }) =>
        !Object.keys(operation.responses).some(
          (status) =>
            /^2\d\d$/.test(status) &&
            (refOf(operation, status)?.startsWith('#/components/schemas/') ||
              servesBytes(operation, status) ||
              saysNothing(operation, status)),
        ),
    );
    expect(without.map(({ name }) => name)).toEqual([]);
  });

  it('has a component for every shape a route refers to', () => {
    const refs = JSON.stringify(document.paths).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    const missing = [...new Set(refs)].filter((ref) => !((ref.split('/').pop() as string) in (document.components?.schemas ?? {})));
    expect(missing).toEqual([]);
  });

  it('answers an ErrorBody for 401, 403 and 429 on every route that needs a token', () => {
    expect(errorsMissing((operation) => (operation.security?.length ? ['401', '403', '429'] : []))).toEqual([]);
  });

  it('answers an ErrorBody for 400 on every route that takes a query or a body, and 404 on every route with an id', () => {
    const takesInput = (operation: Operation) =>
      Boolean(operation.requestBody) || (operation.parameters ?? []).some((p) => p.in === 'query');
    expect(errorsMissing((operation) => (takesInput(operation) ? ['400'] : []))).toEqual([]);
    // A PUT creates what it does not find (201), so it never answers 404.
    const findsById = (path: string, name: string) => path.includes('{id}') && !name.startsWith('PUT ');
    expect(errorsMissing((_operation, path, name) => (findsById(path, name) ? ['404'] : []))).toEqual([]);
  });

  it('answers an ErrorBody for 409 on every step and on every route that opens or adds to a case', () => {
    const writes = (path: string) => /^\/api\/v1\/(findings\/\{id\}\/.+|cases(\/import|\/\{id\}\/findings)?)$/.test(path);
    expect(errorsMissing((operation, path) => (writes(path) && operation.requestBody ? ['409'] : []))).toEqual([]);
  });

  it('describes the routes by the shapes the contract names', () => {
    const operation = (name: string) => operations.find((entry) => entry.name === name)?.operation as Operation;
    expect(refOf(operation('GET /api/v1/findings/{id}'), '200')).toBe('#/components/schemas/FindingWithEvents');
    expect(refOf(operation('GET /api/v1/findings'), '200')).toBe('#/components/schemas/FindingPage');
    expect(refOf(operation('POST /api/v1/cases'), '201')).toBe('#/components/schemas/CaseWithFindings');
    expect(refOf(operation('POST /api/v1/findings/{id}/extension'), '202')).toBe('#/components/schemas/Finding');
    expect(refOf(operation('POST /api/v1/findings/{id}/verification'), '409')).toBe(ERROR_BODY);
    expect(refOf(operation('GET /health'), '503')).toBe('#/components/schemas/HealthReport');
    expect(refOf(operation('GET /api/v1/notifications'), '200')).toBe('#/components/schemas/InboxPage');
    expect(operation('POST /api/v1/notifications/{id}/read').responses['204']).toEqual({ description: 'read' });
    expect(refOf(operation('GET /api/v1/ops/notifications'), '200')).toBe('#/components/schemas/NotificationDeliveryPage');
    expect(refOf(operation('POST /api/v1/ops/notifications/{id}/retry'), '202')).toBe('#/components/schemas/DeliveryRetry');
    expect(refOf(operation('POST /api/v1/ops/notifications/{id}/retry'), '409')).toBe(ERROR_BODY);
  });

  it('offers the ledger as JSON, CSV and XLSX', () => {
    const ledger = operations.find((entry) => entry.name === 'GET /api/v1/ledger')?.operation as Operation;
    expect(Object.keys(ledger.responses['200'].content ?? {})).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(refOf(ledger, '200')).toBe('#/components/schemas/LedgerPage');
  });

  it('is OpenAPI 3.1, whose schema dialect is the JSON Schema the contract shapes are written in', () => {
    expect(document.openapi).toBe('3.1.0');
    const finding = document.components?.schemas?.['Finding'] as { required: string[]; properties: Record<string, unknown> };
    expect(finding.required).toEqual(expect.arrayContaining(['id', 'caseId', 'status', 'pendingApproval', 'closedAt']));
    expect(finding.properties['closedAt']).toEqual({ anyOf: [{ format: 'date-time', type: 'string' }, { type: 'null' }] });
  });
});
