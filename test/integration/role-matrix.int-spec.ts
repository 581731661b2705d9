import { ProjectionStore } from '@reform/persistence';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { rolesOf, routesOf, startApi, type AccessRule, type InProcessApi } from '../support/api-app';
import { AUDIENCE, hs256, ISSUER, OidcProvider, type TokenClaims } from '../support/oidc-provider';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { expectErrorBody } from '../support/contract';

const SECRET = 'role-matrix-secret-of-enough-length';
const UNIT_A = 'U-MATRIX-A';
const UNIT_B = 'U-MATRIX-B';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface Sample {
  method: 'GET' | 'POST';
  path: string;
  body?: object;
  /** The status an allowed caller gets (public routes: everyone). */
  ok: number;
}

/** One valid request per endpoint of the app, against the seeded case and unit A's finding. */
function samples(caseId: string, findingId: string): Record<string, Sample> {
  const f = `/api/v1/findings/${findingId}`;
  const finding = { title: '新问题', description: '制度缺失', unitId: UNIT_A, dueAt: inDays(30) };
  return {
    'GET /health': { method: 'GET', path: '/health', ok: 200 },
    'GET /health/live': { method: 'GET', path: '/health/live', ok: 200 },
    // Local sign-in is off here (AUTH_DEV_LOGIN unset): the route answers 404 to everyone.
    'POST /dev/session': { method: 'POST', path: '/api/v1/dev/session', body: { sub: 'x', roles: ['officer'] }, ok: 404 },
    'POST /cases': {
      method: 'POST',
      path: '/api/v1/cases',
      body: { title: '某局案', summary: '案情', source: 'inspection', findings: [finding] },
      ok: 201,
    },
    'GET /cases': { method: 'GET', path: '/api/v1/cases', ok: 200 },
    'GET /cases/:id': { method: 'GET', path: `/api/v1/cases/${caseId}`, ok: 200 },
    'POST /cases/:id/findings': { method: 'POST', path: `/api/v1/cases/${caseId}/findings`, body: finding, ok: 201 },
    // No file attached: past the guard, the import itself refuses.
    'POST /cases/import': { method: 'POST', path: '/api/v1/cases/import', body: { title: 't', summary: 's', source: 'audit' }, ok: 400 },
    'GET /findings': { method: 'GET', path: '/api/v1/findings', ok: 200 },
    'GET /findings/:id': { method: 'GET', path: f, ok: 200 },
    'GET /ledger': { method: 'GET', path: '/api/v1/ledger', ok: 200 },
    'POST /findings/:id/plan': { method: 'POST', path: `${f}/plan`, body: { content: '方案' }, ok: 200 },
    'POST /findings/:id/report': {
      method: 'POST',
      path: `${f}/report`,
      body: { content: '报告', evidence: [{ name: 'a.pdf', sha256: 'a'.repeat(64), uri: 'https://files.example/a' }] },
      ok: 200,
    },
    'POST /findings/:id/extension': {
      method: 'POST',
      path: `${f}/extension`,
      body: { requestedDueAt: inDays(60), reason: '原因' },
      ok: 202,
    },
    'POST /findings/:id/plan/decision': {
      method: 'POST',
      path: `${f}/plan/decision`,
      body: { decision: 'approve', comment: '同意' },
      ok: 200,
    },
    'POST /findings/:id/verification': { method: 'POST', path: `${f}/verification`, body: { decision: 'pass', comment: '通过' }, ok: 200 },
    'POST /findings/:id/extension/decision': {
      method: 'POST',
      path: `${f}/extension/decision`,
      body: { decision: 'approve', comment: '同意' },
      ok: 200,
    },
    'POST /findings/:id/accountability/decision': {
      method: 'POST',
      path: `${f}/accountability/decision`,
      body: { decision: 'refer', comment: '移送' },
      ok: 200,
    },
    'POST /findings/:id/follow-up': { method: 'POST', path: `${f}/follow-up`, body: { result: 'held', comment: '巩固' }, ok: 200 },
    'GET /approvals': { method: 'GET', path: '/api/v1/approvals', ok: 200 },
    'GET /audit': { method: 'GET', path: '/api/v1/audit', ok: 200 },
    'GET /audit/verify': { method: 'GET', path: '/api/v1/audit/verify', ok: 200 },
    'GET /reports/summary': { method: 'GET', path: '/api/v1/reports/summary', ok: 200 },
    'GET /reports/trend': { method: 'GET', path: '/api/v1/reports/trend', ok: 200 },
    'GET /reports/overdue-ageing': { method: 'GET', path: '/api/v1/reports/overdue-ageing', ok: 200 },
    'GET /reports/time-to-close': { method: 'GET', path: '/api/v1/reports/time-to-close', ok: 200 },
    'GET /ops/reconciliation': { method: 'GET', path: '/api/v1/ops/reconciliation', ok: 200 },
  };
}

const PEOPLE: Record<string, TokenClaims> = {
  officer: { sub: 'matrix-officer', roles: ['officer'] },
  supervisor: { sub: 'matrix-supervisor', roles: ['supervisor'] },
  auditor: { sub: 'matrix-auditor', roles: ['auditor'] },
  unit: { sub: 'matrix-unit-a', roles: ['unit'], unitId: UNIT_A },
  'no role': { sub: 'matrix-nobody', roles: [] },
  'unknown role': { sub: 'matrix-admin', roles: ['admin'] },
};

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the role matrix: every endpoint × every role, over HTTP', () => {
  let db: TestDatabase;
  let api: InProcessApi;
  let provider: OidcProvider;
  let stranger: OidcProvider;
  let caseId: string;
  let findingA: ReturnType<typeof aFinding>;
  let findingB: ReturnType<typeof aFinding>;
  /** Each route's @Access() rule, as the guard reads it; undefined for a route without one. */
  let rules: Map<string, AccessRule | undefined>;

  beforeAll(async () => {
    db = await createTestDatabase();
    [provider, stranger] = [await OidcProvider.start(), await OidcProvider.start()];
    api = await startApi(db.url, { AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: provider.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
    rules = new Map(routesOf(api.app).map((route) => [route.key, route.rule]));
    const record = aCase();
    caseId = record.id;
    findingA = aFinding(caseId, { unitId: UNIT_A, title: '单位A的问题' });
    findingB = aFinding(caseId, { unitId: UNIT_B, title: '单位B的秘密问题', pendingApproval: 'plan', pendingSince: inDays(-1) });
    const events = [
      anEvent({ id: caseId, caseId, type: 'case' }, 1, { type: 'CASE_OPENED' }),
      anEvent({ id: findingA.id, caseId, type: 'finding' }, 1),
      anEvent({ id: findingB.id, caseId, type: 'finding' }, 1),
    ];
    await new ProjectionStore(db.dataSource).caseOpened({ case: record, year: 2026, findings: [findingA, findingB], events });
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([provider?.stop(), stranger?.stop()]);
    await db?.drop();
  });

  function send(sample: Sample, authorization?: string) {
    const call =
      sample.method === 'GET'
        ? request(api.server).get(sample.path)
        : request(api.server)
            .post(sample.path)
            .send(sample.body ?? {});
    return authorization === undefined ? call : call.set('authorization', authorization);
  }

  it('covers every endpoint the app serves', () => {
    expect(Object.keys(samples(caseId, findingA.id)).sort()).toEqual([...rules.keys()].sort());
  });

  it("answers each role exactly as the route's @Access() rule says, 403 to all without one (provider-signed RS256 tokens)", async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [key, sample] of Object.entries(samples(caseId, findingA.id))) {
      const rule = rules.get(key);
      for (const [who, claims] of Object.entries(PEOPLE)) {
        const response = await send(sample, `Bearer ${await provider.sign(claims)}`);
        const allowed = rule !== undefined && (rule.scope === 'public' || rolesOf(rule).some((role) => claims.roles.includes(role)));
        outcomes.push(`${key} as ${who}: ${response.status}`);
        expected.push(`${key} as ${who}: ${allowed ? sample.ok : 403}`);
        if (response.status >= 400) expectErrorBody(response.body, response.status);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('accepts HS256 tokens with AUTH_JWT_SECRET as well, with the same iss and aud', async () => {
    const sample = samples(caseId, findingA.id)['GET /audit/verify'];
    expect((await send(sample, `Bearer ${await hs256(PEOPLE['auditor'], SECRET)}`)).status).toBe(200);
    expect((await send(sample, `Bearer ${await hs256(PEOPLE['officer'], SECRET)}`)).status).toBe(403);
  });

  it('answers 401 on every non-public endpoint without a valid token', async () => {
    const claims = PEOPLE['supervisor'];
    const badTokens: Record<string, string | undefined> = {
      'no token': undefined,
      'another scheme': `Basic ${Buffer.from('supervisor:pw').toString('base64')}`,
      garbage: 'Bearer not.a.jwt',
      'forged (another key, same kid)': `Bearer ${await forgedWithProvidersKid()}`,
      'forged (another HS256 secret)': `Bearer ${await hs256(claims, 'not-the-secret-but-long-enough')}`,
      expired: `Bearer ${await provider.sign(claims, { expiresIn: now() - 60 })}`,
      'alg none': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: claims.sub, roles: claims.roles, iss: ISSUER, aud: AUDIENCE, exp: now() + 600 })}.`,
      'wrong issuer': `Bearer ${await provider.sign(claims, { issuer: 'https://evil.example' })}`,
      'wrong audience': `Bearer ${await provider.sign(claims, { audience: 'another-api' })}`,
      'HS256 without iss/aud': `Bearer ${await hs256(claims, SECRET, { issuer: null, audience: null })}`,
    };
    const outcomes: string[] = [];
    const expected: string[] = [];
    const callsBefore = api.workflows.calls.length;
    for (const [key, sample] of Object.entries(samples(caseId, findingA.id))) {
      if (rules.get(key)?.scope === 'public') continue;
      for (const [label, authorization] of Object.entries(badTokens)) {
        const response = await send(sample, authorization);
        outcomes.push(`${key} with ${label}: ${response.status} ${response.body.error}`);
        expected.push(`${key} with ${label}: 401 Unauthorized`);
      }
    }
    expect(outcomes).toEqual(expected);
    expect(api.workflows.calls.slice(callsBefore)).toEqual([]);

    async function forgedWithProvidersKid(): Promise<string> {
      const [genuine, fake] = [await provider.sign(claims), await stranger.sign(claims)];
      const [header] = genuine.split('.');
      return [header, ...fake.split('.').slice(1)].join('.');
    }
  });

  describe("a unit user never learns that another unit's finding exists", () => {
    const unitA = () => provider.sign(PEOPLE['unit']);
    const get = async (path: string) =>
      request(api.server)
        .get(path)
        .set('authorization', `Bearer ${await unitA()}`);
    const secrets = () => [findingB.id, UNIT_B, findingB.title];
    const leaks = (body: unknown) => secrets().filter((secret) => JSON.stringify(body).includes(secret));

    it('gets 404 for its id, on reads and on every step, worded as for an unknown id', async () => {
      const unknown = randomUUID();
      const hidden = await get(`/api/v1/findings/${findingB.id}`);
      const missing = await get(`/api/v1/findings/${unknown}`);
      expect([hidden.status, missing.status]).toEqual([404, 404]);
      expect(hidden.body.message.replace(findingB.id, 'ID')).toBe(missing.body.message.replace(unknown, 'ID'));
      const token = await unitA();
      const all = samples(caseId, findingB.id);
      for (const key of ['POST /findings/:id/plan', 'POST /findings/:id/report', 'POST /findings/:id/extension'] as const) {
        const response = await send(all[key], `Bearer ${token}`);
        expect({ key, status: response.status }).toEqual({ key, status: 404 });
      }
      expect(api.workflows.calls.filter((call) => call.id === findingB.id)).toEqual([]);
    });

    it('finds nothing of it through any list filter', async () => {
      const lists = [
        '/api/v1/findings',
        `/api/v1/findings?unitId=${UNIT_B}`,
        `/api/v1/findings?caseId=${caseId}`,
        '/api/v1/findings?status=ASSIGNED&pageSize=200',
        '/api/v1/findings?escalationLevel=0',
        '/api/v1/findings?overdue=false',
        '/api/v1/ledger',
        `/api/v1/ledger?unitId=${UNIT_B}`,
        `/api/v1/ledger?caseId=${caseId}`,
      ];
      for (const path of lists) {
        const response = await get(path);
        expect({ path, status: response.status, leaks: leaks(response.body) }).toEqual({ path, status: 200, leaks: [] });
        expect(response.body.items.every((item: { unitId: string }) => item.unitId === UNIT_A)).toBe(true);
      }
      expect((await get(`/api/v1/findings?unitId=${UNIT_B}`)).body).toEqual({ items: [], total: 0 });
      const byCase = (await get(`/api/v1/findings?caseId=${caseId}`)).body;
      expect(byCase.total).toBe(byCase.items.length);
      expect(byCase.items.map((item: { id: string }) => item.id)).toContain(findingA.id);
    });

    it('is refused the summary, the audit log, its verification and the approvals queue (403, nothing in the body)', async () => {
      for (const path of [
        '/api/v1/reports/summary',
        '/api/v1/audit',
        `/api/v1/audit?entityId=${findingB.id}`,
        '/api/v1/audit/verify',
        '/api/v1/approvals',
      ]) {
        const response = await get(path);
        expect({ path, status: response.status, leaks: leaks(response.body) }).toEqual({ path, status: 403, leaks: [] });
      }
    });

    it('sees its own finding and its timeline', async () => {
      const own = await get(`/api/v1/findings/${findingA.id}`);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: findingA.id, unitId: UNIT_A, events: [expect.objectContaining({ seq: 1 })] });
      expect(leaks(own.body)).toEqual([]);
    });
  });
});
