import type { RecommendationSeed } from '@reform/contracts';
import { draftedState, emptyDesk, InterviewDesk, readPolicy, recommendationRecord } from '@reform/domain';
import { ProjectionStore } from '@reform/persistence';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { draftRecommendation, rolesOf, routesOf, startApi, type AccessRule, type InProcessApi } from '../support/api-app';
import { AUDIENCE, hs256, ISSUER, OidcProvider, type TokenClaims } from '../support/oidc-provider';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { addresser } from '../support/addressing';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { expectErrorBody } from '../support/contract';

const SECRET = 'role-matrix-secret-of-enough-length';
const UNIT_A = 'U-MATRIX-A';
const UNIT_B = 'U-MATRIX-B';
/** Jurisdiction: OFFICE_IN's are UNIT_J (its subtree), UNIT_S (it supervises) and what it tracks; OFFICE_OUT's is UNIT_B. */
const OFFICE_IN = 'OFF-MATRIX-IN';
const OFFICE_OUT = 'OFF-MATRIX-OUT';
const UNIT_J = 'U-MATRIX-J';
const UNIT_S = 'U-MATRIX-S';
/** In nobody's jurisdiction but the root's; its finding is tracked by OFFICE_IN. */
const UNIT_T = 'U-MATRIX-T';
const UNIT_INACTIVE = 'U-MATRIX-OFF';
/** The org unit and the person the register samples write (already as written, so 200 every time). */
const UNIT_PUT = 'U-MATRIX-PUT';
const PERSON_PUT = 'matrix-person';
const NO_SUCH_ID = '00000000-0000-4000-8000-00000000beef';
const ORG_UNITS: Array<[id: string, body: { name: string; kind: string; parentId: string; supervises?: string[]; active?: boolean }]> = [
  [UNIT_A, { name: '矩阵单位A', kind: 'unit', parentId: 'ROOT' }],
  [OFFICE_OUT, { name: '矩阵第二纪检监察室', kind: 'office', parentId: 'ROOT' }],
  [UNIT_B, { name: '矩阵单位B', kind: 'unit', parentId: OFFICE_OUT }],
  [UNIT_S, { name: '矩阵被监督单位', kind: 'unit', parentId: 'ROOT' }],
  [UNIT_T, { name: '矩阵跟踪单位', kind: 'unit', parentId: 'ROOT' }],
  [OFFICE_IN, { name: '矩阵第一纪检监察室', kind: 'office', parentId: 'ROOT', supervises: [UNIT_S] }],
  [UNIT_J, { name: '矩阵单位J', kind: 'unit', parentId: OFFICE_IN }],
  [UNIT_INACTIVE, { name: '矩阵停用单位', kind: 'unit', parentId: 'ROOT', active: false }],
  [UNIT_PUT, { name: '矩阵登记单位', kind: 'unit', parentId: 'ROOT' }],
];
const REGISTER_FILE = `编码,名称,类型,上级编码\n${UNIT_PUT},矩阵登记单位,责任单位,ROOT\n`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A token's claims, with the orgUnitId claim of v1.1. */
type Claims = TokenClaims & { orgUnitId?: string };

interface Sample {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: object;
  /** Sent as multipart, in the field `file`. */
  file?: { name: string; content: string };
  /** The status an allowed caller gets (public routes: everyone). */
  ok: number;
}

const PERSON_BODY = { name: '矩阵人员', orgUnitId: 'ROOT', mobile: '13800000000' };
const orgUnitBody = (id: string) => (ORG_UNITS.find(([unitId]) => unitId === id) as (typeof ORG_UNITS)[number])[1];

/** One valid request per endpoint of the app, against the seeded case, unit A's finding and its issued recommendation. */
function samples(
  caseId: string,
  findingId: string,
  recommendationId: string = NO_SUCH_ID,
  interviewId: string = NO_SUCH_ID,
): Record<string, Sample> {
  const f = `/api/v1/findings/${findingId}`;
  const r = `/api/v1/recommendations/${recommendationId}`;
  const item = { title: '建议书问题', description: '制度缺失', dueAt: inDays(30) };
  const finding = { title: '新问题', description: '制度缺失', unitId: UNIT_A, dueAt: inDays(30) };
  return {
    'GET /health': { method: 'GET', path: '/health', ok: 200 },
    'GET /health/live': { method: 'GET', path: '/health/live', ok: 200 },
    // Local sign-in is off here (AUTH_DEV_LOGIN unset): the route answers 404 to everyone.
    'POST /dev/session': { method: 'POST', path: '/api/v1/dev/session', body: { sub: 'x', roles: ['officer'] }, ok: 404 },
    'GET /settings': { method: 'GET', path: '/api/v1/settings', ok: 200 },
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
    'POST /findings/:id/accountability/outcome': {
      method: 'POST',
      path: `${f}/accountability/outcome`,
      body: {
        target: 'leader',
        personName: '刘局长',
        form: '诫勉',
        decidedBy: '县委',
        decisionDocNo: '县委〔2026〕5号',
        decidedAt: inDays(-1),
        fourForm: 2,
      },
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
    'GET /reports/accountability': { method: 'GET', path: '/api/v1/reports/accountability', ok: 200 },
    'GET /ops/reconciliation': { method: 'GET', path: '/api/v1/ops/reconciliation', ok: 200 },
    'GET /org-units': { method: 'GET', path: '/api/v1/org-units', ok: 200 },
    'GET /org-units/:id': { method: 'GET', path: `/api/v1/org-units/${UNIT_A}`, ok: 200 },
    'PUT /org-units/:id': { method: 'PUT', path: `/api/v1/org-units/${UNIT_PUT}`, body: orgUnitBody(UNIT_PUT), ok: 200 },
    'POST /org-units/import': {
      method: 'POST',
      path: '/api/v1/org-units/import',
      file: { name: '组织机构.csv', content: REGISTER_FILE },
      ok: 200,
    },
    'GET /people': { method: 'GET', path: '/api/v1/people', ok: 200 },
    'PUT /people/:id': { method: 'PUT', path: `/api/v1/people/${PERSON_PUT}`, body: PERSON_BODY, ok: 200 },
    'POST /files': { method: 'POST', path: '/api/v1/files', file: { name: '证据.txt', content: '整改证据\n' }, ok: 201 },
    // Past the guard, a file or document nobody may see (here: none such) answers 404 to every role.
    'GET /files/:id': { method: 'GET', path: `/api/v1/files/${NO_SUCH_ID}`, ok: 404 },
    'GET /files/:id/downloads': { method: 'GET', path: `/api/v1/files/${NO_SUCH_ID}/downloads`, ok: 404 },
    'GET /findings/:id/documents': { method: 'GET', path: `${f}/documents`, ok: 200 },
    'GET /documents/:id': { method: 'GET', path: `/api/v1/documents/${NO_SUCH_ID}`, ok: 404 },
    'POST /cases/:id/recommendations': {
      method: 'POST',
      path: `/api/v1/cases/${caseId}/recommendations`,
      body: { unitId: UNIT_A, title: '建议书', causeAnalysis: '成因', measures: '建议', replyDueAt: inDays(10), findings: [item] },
      ok: 201,
    },
    'GET /recommendations': { method: 'GET', path: '/api/v1/recommendations', ok: 200 },
    'GET /recommendations/:id': { method: 'GET', path: r, ok: 200 },
    // Its document was never frozen here: past the guard, 404 to every role.
    'GET /recommendations/:id/document': { method: 'GET', path: `${r}/document`, ok: 404 },
    'PATCH /recommendations/:id': { method: 'PATCH', path: r, body: { measures: '修改后的建议' }, ok: 200 },
    'POST /recommendations/:id/submit': { method: 'POST', path: `${r}/submit`, ok: 200 },
    'POST /recommendations/:id/signoff': { method: 'POST', path: `${r}/signoff`, body: { decision: 'approve' }, ok: 200 },
    'POST /recommendations/:id/receipt': { method: 'POST', path: `${r}/receipt`, body: { signedBy: '张局长' }, ok: 200 },
    'POST /recommendations/:id/reply': {
      method: 'POST',
      path: `${r}/reply`,
      body: { content: '回复', signedBy: '张局长', plans: [{ findingId, content: '方案' }] },
      ok: 200,
    },
    'GET /reports/recommendations': { method: 'GET', path: '/api/v1/reports/recommendations', ok: 200 },
    'GET /interviews': { method: 'GET', path: '/api/v1/interviews', ok: 200 },
    'GET /interviews/:id': { method: 'GET', path: `/api/v1/interviews/${interviewId}`, ok: 200 },
    'POST /interviews/:id/schedule': {
      method: 'POST',
      path: `/api/v1/interviews/${interviewId}/schedule`,
      body: { scheduledAt: inDays(3), interviewer: '纪委书记', interviewee: { name: '张局长', tier: 'principal' } },
      ok: 200,
    },
    'POST /interviews/:id/record': {
      method: 'POST',
      path: `/api/v1/interviews/${interviewId}/record`,
      body: { heldAt: inDays(-1), minutes: '约谈记录', statement: '表态' },
      ok: 200,
    },
    'GET /notifications': { method: 'GET', path: '/api/v1/notifications', ok: 200 },
    // Past the guard, a notification or delivery nobody may see (here: none such) answers 404 to every role.
    'POST /notifications/:id/read': { method: 'POST', path: `/api/v1/notifications/${NO_SUCH_ID}:1:REMINDER/read`, ok: 404 },
    'POST /notifications/read-all': { method: 'POST', path: '/api/v1/notifications/read-all', ok: 204 },
    'GET /ops/notifications': { method: 'GET', path: '/api/v1/ops/notifications', ok: 200 },
    'POST /ops/notifications/:id/retry': { method: 'POST', path: '/api/v1/ops/notifications/999999999/retry', ok: 404 },
  };
}

/** Unit A's interview, proposed by its finding, as its desk projects it. */
async function proposedInterview(db: TestDatabase, findingId: string, caseId: string): Promise<string> {
  const desk = new InterviewDesk(emptyDesk(UNIT_A), readPolicy({}));
  const { interviewId, effects } = desk.join(
    { unitId: UNIT_A, findingId, caseId, trackingOfficeId: 'ROOT', at: inDays(0) },
    randomUUID(),
    Date.now(),
  );
  await new ProjectionStore(db.dataSource).interview(
    { interview: effects.interview as NonNullable<typeof effects.interview>, events: effects.events, notifications: [] },
    addresser(),
  );
  return interviewId;
}

/** Unit A's recommendation on `caseId`, drafted and issued as its workflow projects it. */
async function issuedRecommendation(db: TestDatabase, caseId: string): Promise<string> {
  const store = new ProjectionStore(db.dataSource);
  const seed: RecommendationSeed = {
    id: randomUUID(),
    caseId,
    unitId: UNIT_A,
    trackingOfficeId: 'ROOT',
    title: '单位A的建议书',
    causeAnalysis: '成因',
    measures: '建议',
    replyDueAt: inDays(10),
    draftedBy: { id: 'matrix-officer', name: '起草人' },
    createdAt: new Date().toISOString(),
    findings: [
      {
        id: randomUUID(),
        caseId,
        title: '建议书所列问题',
        description: '制度缺失',
        unitId: UNIT_A,
        dueAt: inDays(30),
        createdAt: new Date().toISOString(),
      },
    ],
  };
  await draftRecommendation(store, { recommendation: seed, actor: seed.draftedBy, policy: readPolicy({}) });
  const drafted = recommendationRecord(draftedState(seed, seed.draftedBy.id));
  const issued = { ...drafted, status: 'ISSUED' as const, docNo: '纪建〔2026〕1号', issuedAt: new Date().toISOString(), version: 3 };
  await store.recommendation({ recommendation: issued, events: [], notifications: [], findings: [] }, addresser());
  return seed.id;
}

const PEOPLE: Record<string, Claims> = {
  officer: { sub: 'matrix-officer', roles: ['officer'] },
  supervisor: { sub: 'matrix-supervisor', roles: ['supervisor'] },
  auditor: { sub: 'matrix-auditor', roles: ['auditor'] },
  unit: { sub: 'matrix-unit-a', roles: ['unit'], unitId: UNIT_A },
  admin: { sub: 'matrix-admin', roles: ['admin'] },
  'no role': { sub: 'matrix-nobody', roles: [] },
  'unknown role': { sub: 'matrix-stranger', roles: ['superuser'] },
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
  let caseJ: string;
  let findingJ: ReturnType<typeof aFinding>;
  let findingS: ReturnType<typeof aFinding>;
  let findingT: ReturnType<typeof aFinding>;
  /** Unit A's recommendation, issued: its unit may read it, sign for it and answer it. */
  let recommendationA: string;
  /** Unit A's interview, proposed: the discipline side may read, schedule and record it. */
  let interviewA: string;
  /** Each route's @Access() rule, as the guard reads it; undefined for a route without one. */
  let rules: Map<string, AccessRule | undefined>;

  beforeAll(async () => {
    db = await createTestDatabase();
    [provider, stranger] = [await OidcProvider.start(), await OidcProvider.start()];
    api = await startApi(db.url, { AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: provider.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
    rules = new Map(routesOf(api.app).map((route) => [route.key, route.rule]));
    // The register through its own API, as an admin keeps it: parents first.
    const admin = `Bearer ${await provider.sign(PEOPLE['admin'])}`;
    for (const [id, body] of ORG_UNITS) {
      const saved = await request(api.server).put(`/api/v1/org-units/${id}`).set('authorization', admin).send(body);
      expect({ id, status: saved.status }).toEqual({ id, status: 201 });
    }
    const person = await request(api.server).put(`/api/v1/people/${PERSON_PUT}`).set('authorization', admin).send(PERSON_BODY);
    expect(person.status).toBe(201);
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

    recommendationA = await issuedRecommendation(db, caseId);
    interviewA = await proposedInterview(db, findingA.id, caseId);

    // A case wholly within OFFICE_IN's jurisdiction: one finding of its subtree, one of a unit it
    // supervises, one of another unit that it tracks.
    const inCase = aCase({ title: '管辖内的案件' });
    caseJ = inCase.id;
    findingJ = aFinding(caseJ, { unitId: UNIT_J, title: '下辖单位的问题', pendingApproval: 'plan', pendingSince: inDays(-2) });
    findingS = aFinding(caseJ, { unitId: UNIT_S, title: '被监督单位的问题' });
    findingT = aFinding(caseJ, { unitId: UNIT_T, title: '本室跟踪的问题', trackingOfficeId: OFFICE_IN });
    await new ProjectionStore(db.dataSource).caseOpened({
      case: inCase,
      year: 2026,
      findings: [findingJ, findingS, findingT],
      events: [
        anEvent({ id: caseJ, caseId: caseJ, type: 'case' }, 1, { type: 'CASE_OPENED' }),
        ...[findingJ, findingS, findingT].map((f) => anEvent({ id: f.id, caseId: caseJ, type: 'finding' }, 1)),
      ],
    });
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([provider?.stop(), stranger?.stop()]);
    await db?.drop();
  });

  function send(sample: Sample, authorization?: string) {
    const server = request(api.server);
    const methods = { GET: server.get, POST: server.post, PUT: server.put, PATCH: server.patch };
    let call = methods[sample.method].call(server, sample.path);
    if (authorization !== undefined) call = call.set('authorization', authorization);
    if (sample.file) return call.attach('file', Buffer.from(sample.file.content), sample.file.name);
    return sample.method === 'GET' ? call : call.send(sample.body ?? {});
  }

  it('covers every endpoint the app serves', () => {
    expect(Object.keys(samples(caseId, findingA.id, recommendationA, interviewA)).sort()).toEqual([...rules.keys()].sort());
  });

  it("answers each role exactly as the route's @Access() rule says, 403 to all without one (provider-signed RS256 tokens)", async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [key, sample] of Object.entries(samples(caseId, findingA.id, recommendationA, interviewA))) {
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

  it('lets admin keep the registers, its inbox and the outbox and nothing else: 403 on findings, cases, audit, approvals, ledger and reports', async () => {
    const token = `Bearer ${await provider.sign(PEOPLE['admin'])}`;
    const all = samples(caseId, findingA.id, recommendationA, interviewA);
    const expected: Record<string, number> = {
      'GET /org-units': 200,
      'GET /org-units/:id': 200,
      'PUT /org-units/:id': 200,
      'POST /org-units/import': 200,
      'GET /people': 200,
      'PUT /people/:id': 200,
      'POST /cases': 403,
      'GET /cases': 403,
      'GET /cases/:id': 403,
      'POST /cases/:id/findings': 403,
      'POST /cases/import': 403,
      'GET /findings': 403,
      'GET /findings/:id': 403,
      'POST /findings/:id/plan': 403,
      'POST /findings/:id/report': 403,
      'POST /findings/:id/extension': 403,
      'POST /findings/:id/plan/decision': 403,
      'POST /findings/:id/verification': 403,
      'POST /findings/:id/extension/decision': 403,
      'POST /findings/:id/accountability/decision': 403,
      'POST /findings/:id/accountability/outcome': 403,
      'POST /findings/:id/follow-up': 403,
      'GET /approvals': 403,
      'GET /audit': 403,
      'GET /audit/verify': 403,
      'GET /ledger': 403,
      'GET /reports/summary': 403,
      'GET /reports/trend': 403,
      'GET /reports/overdue-ageing': 403,
      'GET /reports/time-to-close': 403,
      'GET /reports/accountability': 403,
      'GET /ops/reconciliation': 403,
      'POST /files': 403,
      'GET /files/:id': 403,
      'GET /files/:id/downloads': 403,
      'GET /findings/:id/documents': 403,
      'GET /documents/:id': 403,
      'POST /cases/:id/recommendations': 403,
      'GET /recommendations': 403,
      'GET /recommendations/:id': 403,
      'POST /recommendations/:id/signoff': 403,
      'POST /recommendations/:id/reply': 403,
      'GET /reports/recommendations': 403,
      'GET /interviews': 403,
      'GET /interviews/:id': 403,
      'POST /interviews/:id/schedule': 403,
      'POST /interviews/:id/record': 403,
      // Its own inbox (nothing in it here) and the outbox it runs the channels of.
      'GET /notifications': 200,
      'POST /notifications/:id/read': 404,
      'POST /notifications/read-all': 204,
      'GET /ops/notifications': 200,
      'POST /ops/notifications/:id/retry': 404,
    };
    const outcomes: Record<string, number> = {};
    for (const key of Object.keys(expected)) outcomes[key] = (await send(all[key], token)).status;
    expect(outcomes).toEqual(expected);
    // A new org unit and a new person answer 201; the same again 200.
    const fresh = {
      method: 'PUT',
      path: `/api/v1/org-units/U-MATRIX-NEW`,
      body: { name: '新单位', kind: 'unit', parentId: 'ROOT' },
      ok: 201,
    } as const;
    expect([(await send(fresh, token)).status, (await send(fresh, token)).status]).toEqual([201, 200]);
    const someone = {
      method: 'PUT',
      path: '/api/v1/people/matrix-someone',
      body: { name: '某人', orgUnitId: OFFICE_IN },
      ok: 201,
    } as const;
    expect([(await send(someone, token)).status, (await send(someone, token)).status]).toEqual([201, 200]);
  });

  it('accepts HS256 tokens with AUTH_JWT_SECRET as well, with the same iss and aud', async () => {
    const sample = samples(caseId, findingA.id, recommendationA, interviewA)['GET /audit/verify'];
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
    for (const [key, sample] of Object.entries(samples(caseId, findingA.id, recommendationA, interviewA))) {
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

  describe('jurisdiction: an officer, supervisor or auditor with an orgUnitId sees and acts within it only', () => {
    const ROLES = ['officer', 'supervisor', 'auditor'] as const;
    type Where = 'in' | 'out';
    const officeOf: Record<Where, string> = { in: OFFICE_IN, out: OFFICE_OUT };
    const tokenOf = async (role: (typeof ROLES)[number], where: Where) =>
      `Bearer ${await provider.sign({ sub: `matrix-${role}-${where}`, roles: [role], orgUnitId: officeOf[where] } as Claims)}`;
    const allowed = (key: string, role: string) => {
      const rule = rules.get(key);
      return rule !== undefined && rule.scope !== 'public' && rolesOf(rule).includes(role as never);
    };
    const inJurisdiction = () => [caseJ, findingJ.id, findingS.id, findingT.id, findingJ.title, findingS.title, findingT.title];
    const leaks = (body: unknown) => inJurisdiction().filter((secret) => JSON.stringify(body).includes(secret));

    const FINDING_ROUTES = [
      'GET /findings/:id',
      'POST /findings/:id/plan',
      'POST /findings/:id/report',
      'POST /findings/:id/extension',
      'POST /findings/:id/plan/decision',
      'POST /findings/:id/verification',
      'POST /findings/:id/extension/decision',
      'POST /findings/:id/accountability/decision',
      'POST /findings/:id/accountability/outcome',
      'POST /findings/:id/follow-up',
    ];

    it('answers every step and read of a finding of its subtree, of a unit it supervises, or that it tracks; outside it 404', async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      const callsBefore = api.workflows.calls.length;
      for (const [label, finding] of [
        ['subtree', findingJ],
        ['supervised', findingS],
        ['tracked', findingT],
      ] as const) {
        const all = samples(caseId, finding.id);
        for (const key of FINDING_ROUTES) {
          for (const role of ROLES) {
            for (const where of ['in', 'out'] as const) {
              const response = await send(all[key], await tokenOf(role, where));
              outcomes.push(`${key} on the ${label} finding as ${role} ${where}: ${response.status}`);
              const status = !allowed(key, role) ? 403 : where === 'in' ? all[key].ok : 404;
              expected.push(`${key} on the ${label} finding as ${role} ${where}: ${status}`);
              if (response.status >= 400) expectErrorBody(response.body, response.status);
            }
          }
        }
      }
      expect(outcomes).toEqual(expected);
      // Only the in-jurisdiction supervisors' decisions reached the workflows.
      const reached = api.workflows.calls.slice(callsBefore);
      expect(reached.every((call) => call.actor === 'matrix-supervisor-in')).toBe(true);
      expect(reached).toHaveLength(3 * 6);
    });

    it('words a finding outside it exactly as an unknown one', async () => {
      const unknown = randomUUID();
      const token = await tokenOf('supervisor', 'out');
      const hidden = await request(api.server).get(`/api/v1/findings/${findingJ.id}`).set('authorization', token);
      const missing = await request(api.server).get(`/api/v1/findings/${unknown}`).set('authorization', token);
      expect([hidden.status, missing.status]).toEqual([404, 404]);
      expect(hidden.body.message.replace(findingJ.id, 'ID')).toBe(missing.body.message.replace(unknown, 'ID'));
      const hiddenCase = await request(api.server).get(`/api/v1/cases/${caseJ}`).set('authorization', token);
      const missingCase = await request(api.server).get(`/api/v1/cases/${unknown}`).set('authorization', token);
      expect([hiddenCase.status, missingCase.status]).toEqual([404, 404]);
      expect(hiddenCase.body.message.replace(caseJ, 'ID')).toBe(missingCase.body.message.replace(unknown, 'ID'));
    });

    it('answers its case (with only the findings within it) and lets its officers add to it; outside it 404', async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      const all = samples(caseJ, findingJ.id);
      const addJ = {
        ...all['POST /cases/:id/findings'],
        body: { title: '补充问题', description: '补充', unitId: UNIT_J, dueAt: inDays(30) },
      };
      for (const role of ROLES) {
        for (const where of ['in', 'out'] as const) {
          const token = await tokenOf(role, where);
          const read = await send(all['GET /cases/:id'], token);
          // The seeded three, and whatever this test has added to the case since, all within OFFICE_IN's jurisdiction.
          const findings =
            read.status === 200 ? (read.body.findings as Array<{ id: string; unitId: string; trackingOfficeId: string | null }>) : [];
          const seesSeeded = [findingJ.id, findingS.id, findingT.id].every((id) => findings.some((f) => f.id === id));
          const allWithin = findings.every((f) => [UNIT_J, UNIT_S].includes(f.unitId) || f.trackingOfficeId === OFFICE_IN);
          outcomes.push(`GET /cases/:id as ${role} ${where}: ${read.status}, the seeded findings: ${seesSeeded}, all within: ${allWithin}`);
          expected.push(
            `GET /cases/:id as ${role} ${where}: ${where === 'in' ? '200, the seeded findings: true' : '404, the seeded findings: false'}, all within: true`,
          );
          const added = await send(addJ, token);
          outcomes.push(`POST /cases/:id/findings as ${role} ${where}: ${added.status}`);
          expected.push(
            `POST /cases/:id/findings as ${role} ${where}: ${!allowed('POST /cases/:id/findings', role) ? 403 : where === 'in' ? 201 : 404}`,
          );
        }
      }
      expect(outcomes).toEqual(expected);
      // A case with findings on both sides shows each side its own.
      const mixed = await request(api.server)
        .get(`/api/v1/cases/${caseId}`)
        .set('authorization', await tokenOf('auditor', 'out'));
      expect(mixed.status).toBe(200);
      expect(mixed.body.findings.map((f: { id: string }) => f.id)).toEqual([findingB.id]);
    });

    it('keeps it out of every list, the ledger, the approvals queue, the audit log and the reports', async () => {
      const bySummary = (body: { byUnit?: Array<{ unitId: string }> }) =>
        (body.byUnit ?? []).some((row) => [UNIT_J, UNIT_S, UNIT_T].includes(row.unitId));
      const lists: Record<string, { path: string; key: string; sees?: (body: never) => boolean }> = {
        findings: { path: '/api/v1/findings?pageSize=200', key: 'GET /findings' },
        'findings of the case': { path: `/api/v1/findings?caseId=${caseJ}`, key: 'GET /findings' },
        [`findings of ${UNIT_J}`]: { path: `/api/v1/findings?unitId=${UNIT_J}`, key: 'GET /findings' },
        [`findings tracked by ${OFFICE_IN}`]: { path: `/api/v1/findings?trackingOfficeId=${OFFICE_IN}`, key: 'GET /findings' },
        cases: { path: '/api/v1/cases?pageSize=200', key: 'GET /cases' },
        ledger: { path: `/api/v1/ledger?caseId=${caseJ}`, key: 'GET /ledger' },
        [`ledger of ${UNIT_S}`]: { path: `/api/v1/ledger?unitId=${UNIT_S}`, key: 'GET /ledger' },
        approvals: { path: '/api/v1/approvals', key: 'GET /approvals' },
        'audit of the case': { path: `/api/v1/audit?entityId=${caseJ}`, key: 'GET /audit' },
        'audit of a finding': { path: `/api/v1/audit?entityId=${findingT.id}`, key: 'GET /audit' },
        audit: { path: '/api/v1/audit?pageSize=200', key: 'GET /audit' },
        'reports summary': { path: '/api/v1/reports/summary', key: 'GET /reports/summary', sees: bySummary },
        'reports summary of the office': {
          path: `/api/v1/reports/summary?orgUnitId=${OFFICE_IN}&rollup=true`,
          key: 'GET /reports/summary',
          sees: bySummary,
        },
      };
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [label, { path, key, sees }] of Object.entries(lists)) {
        for (const role of ROLES) {
          for (const where of ['in', 'out'] as const) {
            const response = await request(api.server)
              .get(path)
              .set('authorization', await tokenOf(role, where));
            const seen = response.status !== 200 ? null : sees ? sees(response.body as never) : leaks(response.body).length > 0;
            // Whatever a list shows, nothing of the jurisdiction's findings reaches anyone outside it.
            if (where === 'out') expect({ label, role, leaks: leaks(response.body) }).toEqual({ label, role, leaks: [] });
            outcomes.push(`${label} as ${role} ${where}: ${response.status}, sees it: ${seen}`);
            const ok = allowed(key, role);
            expected.push(`${label} as ${role} ${where}: ${ok ? 200 : 403}, sees it: ${ok ? where === 'in' : null}`);
          }
        }
      }
      expect(outcomes).toEqual(expected);
      const summary = async (where: Where) =>
        (
          await request(api.server)
            .get('/api/v1/reports/summary')
            .set('authorization', await tokenOf('supervisor', where))
        ).body as {
          byUnit: Array<{ unitId: string }>;
        };
      expect((await summary('in')).byUnit.map((row) => row.unitId)).toEqual(expect.arrayContaining([UNIT_J, UNIT_S, UNIT_T]));
      expect((await summary('out')).byUnit.map((row) => row.unitId)).not.toEqual(expect.arrayContaining([UNIT_J]));
      expect((await summary('out')).byUnit.map((row) => row.unitId)).toEqual(expect.arrayContaining([UNIT_B]));
    });

    it('answers every other finding and case route as the role matrix says, in or out', async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      const all = samples(caseJ, findingJ.id);
      const opening = {
        ...all['POST /cases'],
        body: {
          title: '新案',
          summary: '案情',
          source: 'inspection',
          findings: [{ title: 't', description: 'd', unitId: UNIT_J, dueAt: inDays(30) }],
        },
      };
      const routes: Record<string, Sample> = {
        'POST /cases': opening,
        'POST /cases/import': all['POST /cases/import'],
        'GET /reports/trend': all['GET /reports/trend'],
        'GET /reports/overdue-ageing': all['GET /reports/overdue-ageing'],
        'GET /reports/time-to-close': all['GET /reports/time-to-close'],
        'GET /reports/accountability': all['GET /reports/accountability'],
        'GET /audit/verify': all['GET /audit/verify'],
      };
      for (const [key, sample] of Object.entries(routes)) {
        for (const role of ROLES) {
          for (const where of ['in', 'out'] as const) {
            outcomes.push(`${key} as ${role} ${where}: ${(await send(sample, await tokenOf(role, where))).status}`);
            expected.push(`${key} as ${role} ${where}: ${allowed(key, role) ? sample.ok : 403}`);
          }
        }
      }
      expect(outcomes).toEqual(expected);
    });

    it('lets the root commission see everything, as no orgUnitId does', async () => {
      const root = `Bearer ${await provider.sign({ sub: 'matrix-root', roles: ['auditor'], orgUnitId: 'ROOT' } as Claims)}`;
      for (const path of [`/api/v1/cases/${caseJ}`, `/api/v1/findings/${findingT.id}`, `/api/v1/findings/${findingB.id}`]) {
        expect({ path, status: (await request(api.server).get(path).set('authorization', root)).status }).toEqual({ path, status: 200 });
      }
    });
  });

  describe('tokens the register does not back', () => {
    const call = async (path: string, claims: Claims) =>
      request(api.server)
        .get(path)
        .set('authorization', `Bearer ${await provider.sign(claims)}`);

    it('refuses (403) an orgUnitId the register does not have, on every route a token is needed for', async () => {
      for (const path of ['/api/v1/findings', '/api/v1/cases', '/api/v1/org-units', '/api/v1/reports/summary']) {
        const response = await call(path, {
          sub: 'matrix-lost',
          roles: ['officer', 'supervisor', 'auditor'],
          orgUnitId: 'OFF-MATRIX-NONE',
        });
        expect({ path, status: response.status, message: response.body.message }).toEqual({
          path,
          status: 403,
          message: 'orgUnitId: unknown org unit',
        });
        expectErrorBody(response.body, 403);
      }
    });

    it('refuses (403) a unit token of an unregistered or inactive unit, and an officer whose orgUnitId is a unit', async () => {
      const refused = [
        { sub: 'matrix-unit-none', roles: ['unit'], unitId: 'U-MATRIX-NONE' },
        { sub: 'matrix-unit-off', roles: ['unit'], unitId: UNIT_INACTIVE },
        { sub: 'matrix-unit-office', roles: ['unit'], unitId: OFFICE_IN },
        { sub: 'matrix-officer-unit', roles: ['officer'], orgUnitId: UNIT_A },
      ];
      for (const claims of refused) {
        const response = await call('/api/v1/findings', claims);
        expect({ sub: claims.sub, status: response.status }).toEqual({ sub: claims.sub, status: 403 });
        expect(leaks(response.body)).toEqual([]);
      }
    });

    const leaks = (body: unknown) => [findingA.id, findingB.id].filter((secret) => JSON.stringify(body).includes(secret));
  });
});
