import { ProjectionStore } from '@reform/persistence';
import request from 'supertest';
import { startApi, type InProcessApi } from '../support/api-app';
import { hs256 } from '../support/oidc-provider';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SECRET = 'hardening-secret-of-enough-length';
const ALLOWED_ORIGIN = 'https://reform.example.gov.cn';
const token = (sub: string, roles: string[], unitId?: string) => hs256({ sub, roles, unitId }, SECRET, { issuer: null, audience: null });
const ERROR_KEYS = ['code', 'error', 'message', 'statusCode'];

/** {a: [{a: [...]}]} `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

describe('HTTP hardening', () => {
  let db: TestDatabase;
  let api: InProcessApi;
  let limited: InProcessApi;
  let findingId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db.url, { AUTH_JWT_SECRET: SECRET });
    limited = await startApi(db.url, { AUTH_JWT_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '5', CORS_ORIGINS: ALLOWED_ORIGIN });
    const record = aCase();
    const finding = aFinding(record.id, { unitId: 'U-SECRET', status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
    findingId = finding.id;
    await new ProjectionStore(db.dataSource).caseOpened({
      case: record,
      year: 2026,
      findings: [finding],
      events: [
        anEvent({ id: record.id, caseId: record.id, type: 'case' }, 1, { type: 'CASE_OPENED' }),
        anEvent({ id: finding.id, caseId: record.id, type: 'finding' }, 1),
      ],
    });
  });
  afterAll(async () => {
    await api?.close();
    await limited?.close();
    await db?.drop();
  });

  describe('security headers and CORS', () => {
    it('sends helmet’s headers on answers and on errors, and no X-Powered-By', async () => {
      for (const response of [
        await request(api.server)
          .get('/api/v1/cases')
          .set('authorization', `Bearer ${await token('o1', ['officer'])}`),
        await request(api.server).get('/api/v1/cases'),
        await request(api.server).get('/health'),
      ]) {
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'content-security-policy': expect.stringContaining("default-src 'self'"),
          'referrer-policy': 'no-referrer',
        });
        expect(response.headers).not.toHaveProperty('x-powered-by');
      }
    });

    it('keeps CORS closed by default: no browser origin is allowed', async () => {
      const simple = await request(api.server).get('/health').set('origin', 'https://evil.example');
      const preflight = await request(api.server)
        .options('/api/v1/cases')
        .set('origin', ALLOWED_ORIGIN)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization,content-type');
      for (const response of [simple, preflight]) {
        expect(response.headers).not.toHaveProperty('access-control-allow-origin');
        expect(response.status).toBeLessThan(500);
      }
    });

    it('opens CORS to the origins of CORS_ORIGINS only', async () => {
      const preflight = (origin: string) =>
        request(limited.server)
          .options('/api/v1/cases')
          .set('origin', origin)
          .set('access-control-request-method', 'POST')
          .set('access-control-request-headers', 'authorization,content-type');
      const allowed = await preflight(ALLOWED_ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('rate limiting per user', () => {
    it('answers 429 with Retry-After once a user spent the budget, and never holds others back', async () => {
      const greedy = `Bearer ${await token('greedy-auditor', ['auditor'])}`;
      const other = `Bearer ${await token('patient-auditor', ['auditor'])}`;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await request(limited.server).get('/api/v1/audit').set('authorization', greedy)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);

      // The budget is per user across routes, not per route.
      const refused = await request(limited.server).get('/api/v1/reports/summary').set('authorization', greedy);
      expect(refused.status).toBe(429);
      expect(Object.keys(refused.body).sort()).toEqual(ERROR_KEYS);
      expect(refused.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/at most 5 a minute/),
      });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);

      expect((await request(limited.server).get('/api/v1/audit').set('authorization', other)).status).toBe(200);
      for (let i = 0; i < 8; i++) expect((await request(limited.server).get('/health')).status).toBe(200);
    });

    it('is off in the default-configured instance of these tests (RATE_LIMIT_PER_MINUTE=0)', async () => {
      const auditor = `Bearer ${await token('busy-auditor', ['auditor'])}`;
      for (let i = 0; i < 12; i++) expect((await request(api.server).get('/api/v1/audit').set('authorization', auditor)).status).toBe(200);
    });
  });

  describe('bodies and errors', () => {
    it('refuses a body over the limit with 413 before any work', async () => {
      const officer = `Bearer ${await token('o-big', ['officer'])}`;
      const calls = api.workflows.calls.length;
      const response = await request(api.server)
        .post('/api/v1/cases')
        .set('authorization', officer)
        .send({ title: 't', summary: 'x'.repeat(1_200_000), source: 'audit', findings: [] });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringMatching(/size limit/),
      });
      expect(api.workflows.calls.length).toBe(calls);
    });

    it('answers an internal failure with a bare 500: no stack, no SQL, no other unit’s ids', async () => {
      api.workflows.failingFindingId = findingId;
      try {
        const response = await request(api.server)
          .post(`/api/v1/findings/${findingId}/plan/decision`)
          .set('authorization', `Bearer ${await token('sup-500', ['supervisor'])}`)
          .set('x-request-id', 'trace-500-check')
          .send({ decision: 'approve', comment: 'ok' });
        expect(response.status).toBe(500);
        expect(response.body).toEqual({
          statusCode: 500,
          error: 'Internal Server Error',
          code: 'INTERNAL',
          message: 'internal error; it has been logged',
        });
        expect(response.text).not.toMatch(/SELECT|U-SECRET|findings|\bat \w/);
        // The log has what the body leaves out, tied to the request and the user.
        const logged = api.logs.filter((line) => line.includes('trace-500-check')).join('\n');
        expect(logged).toMatch(/U-SECRET/);
        expect(logged).toMatch(/user sup-500/);
      } finally {
        api.workflows.failingFindingId = undefined;
      }
    });

    it('keeps every error body to statusCode, error, message and code (and field and problems on a 400 naming one)', async () => {
      const supervisor = `Bearer ${await token('sup-shape', ['supervisor'])}`;
      const responses = [
        await request(api.server).get('/api/v1/findings/not-a-uuid').set('authorization', supervisor),
        await request(api.server).get("/api/v1/cases/1'%20OR%201=1--").set('authorization', supervisor),
        await request(api.server).get('/api/v1/audit?entityId=x%27;DROP%20TABLE%20events;--').set('authorization', supervisor),
        await request(api.server).post('/api/v1/cases').set('authorization', supervisor).send({}),
        await request(api.server)
          .post(`/api/v1/findings/${findingId}/plan/decision`)
          .set('authorization', supervisor)
          .set('content-type', 'application/json')
          .send('{"decision":'),
        await request(api.server).get('/api/v1/nowhere').set('authorization', supervisor),
        await request(api.server)
          .post('/api/v1/cases')
          .set('authorization', `Bearer ${await token('o-deep', ['officer'])}`)
          .send({ title: 't', summary: 's', source: 'audit', findings: [nested(5000)] }),
      ];
      expect(responses.map((r) => r.status)).toEqual([404, 404, 400, 403, 400, 404, 400]);
      expect(responses.map((r) => r.body.code)).toEqual([
        'NOT_FOUND',
        'NOT_FOUND',
        'VALIDATION_FAILED',
        'FORBIDDEN',
        'MALFORMED_BODY',
        'NOT_FOUND',
        // The parser refuses JSON nested that deep before any validation.
        'MALFORMED_BODY',
      ]);
      expect(responses.map((r) => r.body.field)).toEqual([undefined, undefined, 'entityId', undefined, undefined, undefined, undefined]);
      for (const response of responses) {
        expect(
          Object.keys(response.body)
            .filter((key) => key !== 'field' && key !== 'problems')
            .sort(),
        ).toEqual(ERROR_KEYS);
        if (response.body.field !== undefined) expect(response.body.problems[0].field).toBe(response.body.field);
        expect(response.text).not.toMatch(/SELECT|DROP TABLE|QueryFailed|node_modules|\.ts:\d+/);
      }
    });
  });

  describe('logs', () => {
    it('carry the request id (given or made) and the user id, never a token', async () => {
      const secretToken = await token('log-auditor', ['auditor']);
      const given = await request(api.server)
        .get('/api/v1/audit')
        .set('authorization', `Bearer ${secretToken}`)
        .set('x-request-id', 'trace-abc-123');
      expect(given.headers['x-request-id']).toBe('trace-abc-123');
      const made = await request(api.server)
        .get('/api/v1/audit')
        .set('authorization', `Bearer ${secretToken}`)
        .set('x-request-id', 'bad id\twith spaces');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      // A token pasted into a URL is refused (unknown query field) and does not reach the log either.
      await request(api.server).get(`/api/v1/audit?access_token=${secretToken}`).set('authorization', `Bearer ${secretToken}`);
      await request(api.server).get('/api/v1/audit').set('authorization', 'Bearer not-even-a-jwt');

      const lines = api.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      const completed = lines.filter((line) => line['msg'] === 'request completed');
      expect(completed.find((line) => line['requestId'] === 'trace-abc-123')).toMatchObject({ userId: 'log-auditor' });
      expect(completed.find((line) => line['requestId'] === made.headers['x-request-id'])).toMatchObject({ userId: 'log-auditor' });
      expect(completed.every((line) => typeof line['requestId'] === 'string')).toBe(true);
      const all = api.logs.join('\n');
      expect(all).not.toContain(secretToken);
      expect(all).not.toContain(secretToken.split('.')[2]);
      expect(all).not.toContain('not-even-a-jwt');
      expect(all).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    });
  });
});
