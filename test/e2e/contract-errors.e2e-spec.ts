import type { ErrorCode } from '@reform/contracts';
import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import {
  Api,
  as,
  auditor,
  caseBody,
  EVIDENCE,
  expectErrorBody,
  findingBody,
  IN_A_DAY,
  inMs,
  officer,
  Steps,
  supervisor,
  supervisor2,
  uniqueUnit,
  unitUser,
  type Finding,
  type Page,
  expectNoServerErrorsInEachTest,
} from '../support/contract';
import { Stack } from '../support/stack';
import { token } from '../support/tokens';

const LOCAL_SECRET = 'reform-local-dev-secret';
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('HTTP contract: errors, auth and validation (embedded PostgreSQL)', () => {
  let stack: Stack;
  let api: Api;
  let steps: Steps;

  beforeAll(async () => {
    stack = await Stack.start();
    api = new Api(stack.url(''));
    steps = new Steps(api);
    // The fixed unit the bodies below use where the unit is not what they test (v1.1: it must be registered).
    await api.registerUnits('U1');
  });
  afterAll(async () => {
    await stack?.stop();
  });
  expectNoServerErrorsInEachTest(() => api);

  describe('open endpoints', () => {
    it('GET /health answers ok with both checks up, and the outbox counts beside them, without a token', async () => {
      const health = await api.get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({
        status: 'ok',
        checks: { database: 'up', temporal: 'up' },
        details: { notifications: { pending: expect.any(Number), failed: expect.any(Number) } },
      });
    });

    it('GET /api/docs-json is an OpenAPI 3 document listing /api/v1/cases', async () => {
      const docs = await api.get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
      expect(docs.status).toBe(200);
      expect(docs.body.openapi).toMatch(/^3\./);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/findings', '/api/v1/findings/{id}']));
      expect(docs.body.paths['/api/v1/cases']).toHaveProperty('post');
      expect(docs.body.paths['/api/v1/cases']).toHaveProperty('get');
    });
  });

  describe('401 without a valid token', () => {
    const claims = { sub: 'officer-1', roles: ['officer'], name: 'officer-1' };
    const cases: Array<[string, Record<string, string>]> = [
      ['no Authorization header', {}],
      ['a scheme other than Bearer', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['garbage', { authorization: 'Bearer not-a-jwt' }],
      ['an expired token', { authorization: `Bearer ${sign({ ...claims, exp: now() - 60 }, LOCAL_SECRET, { algorithm: 'HS256' })}` }],
      [
        'a token signed with another secret',
        { authorization: `Bearer ${token({ sub: 'officer-1', roles: ['officer'] }, 'some-other-secret-of-enough-length')}` },
      ],
      [
        'alg none',
        { authorization: `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, iat: now(), exp: now() + 600 })}.` },
      ],
      [
        'HS256 header over a none-signed body',
        { authorization: `Bearer ${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ ...claims, exp: now() + 600 })}.` },
      ],
      ['no sub claim', { authorization: `Bearer ${sign({ roles: ['officer'] }, LOCAL_SECRET, { algorithm: 'HS256', expiresIn: 600 })}` }],
      [
        'roles that are not an array',
        { authorization: `Bearer ${sign({ sub: 'x', roles: 'officer' }, LOCAL_SECRET, { algorithm: 'HS256', expiresIn: 600 })}` },
      ],
      [
        'the unit role without a unitId',
        { authorization: `Bearer ${sign({ sub: 'x', roles: ['unit'] }, LOCAL_SECRET, { algorithm: 'HS256', expiresIn: 600 })}` },
      ],
    ];

    it.each(cases)('%s → 401 on reads and on writes', async (_label, headers) => {
      const findingId = randomUUID();
      const answers = await Promise.all([
        api.get('/api/v1/cases', headers),
        api.get('/api/v1/findings', headers),
        api.get(`/api/v1/findings/${findingId}`, headers),
        api.get('/api/v1/approvals', headers),
        api.get('/api/v1/audit', headers),
        api.get('/api/v1/reports/summary', headers),
        api.post('/api/v1/cases', caseBody([{ unitId: 'U1' }]), headers),
        api.post(`/api/v1/findings/${findingId}/plan`, { content: 'x' }, headers),
        api.post(`/api/v1/findings/${findingId}/verification`, { decision: 'pass' }, headers),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expectErrorBody(answer.body, 401, undefined, { code: 'UNAUTHENTICATED' });
        expect(answer.body['error']).toBe('Unauthorized');
      }
    });
  });

  describe('403 for roles not allowed', () => {
    it('refuses every endpoint family to the roles the contract does not name', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const finding = await steps.oneFinding(unitId);
      const f = `/api/v1/findings/${finding.id}`;
      const c = `/api/v1/cases/${finding.caseId}`;
      const nobody = as({ sub: 'nobody', roles: [] });
      const stranger = as({ sub: 'stranger', roles: ['janitor'] });

      const refused: Array<[string, string, Record<string, string>, unknown?]> = [
        // POST /cases: officer only
        ...[supervisor, unit, auditor, nobody].map((who): [string, string, Record<string, string>, unknown] => [
          'POST',
          '/api/v1/cases',
          who,
          caseBody([{ unitId }]),
        ]),
        // GET /cases, GET /cases/:id: officer, supervisor, auditor
        ['GET', '/api/v1/cases', unit],
        ['GET', c, unit],
        ['GET', '/api/v1/cases', nobody],
        // POST /cases/:id/findings: officer
        ...[supervisor, unit, auditor].map((who): [string, string, Record<string, string>, unknown] => [
          'POST',
          `${c}/findings`,
          who,
          findingBody({ unitId }),
        ]),
        // GET /findings, /findings/:id: every role, but a token with none of them is refused
        ['GET', '/api/v1/findings', nobody],
        ['GET', f, stranger],
        // unit steps: unit only
        ...[officer, supervisor, auditor].flatMap(
          (who): Array<[string, string, Record<string, string>, unknown]> => [
            ['POST', `${f}/plan`, who, { content: '方案' }],
            ['POST', `${f}/report`, who, { content: '报告', evidence: [EVIDENCE] }],
            ['POST', `${f}/extension`, who, { requestedDueAt: inMs(2 * IN_A_DAY), reason: '原因' }],
          ],
        ),
        // decisions: supervisor only
        ...[officer, unit, auditor].flatMap(
          (who): Array<[string, string, Record<string, string>, unknown]> => [
            ['POST', `${f}/plan/decision`, who, { decision: 'approve', comment: 'ok' }],
            ['POST', `${f}/verification`, who, { decision: 'pass', comment: 'ok' }],
            ['POST', `${f}/extension/decision`, who, { decision: 'approve', comment: 'ok' }],
            ['POST', `${f}/accountability/decision`, who, { decision: 'refer', comment: 'ok' }],
            ['POST', `${f}/follow-up`, who, { result: 'held', comment: 'ok' }],
          ],
        ),
        // GET /approvals: supervisor
        ...[officer, unit, auditor].map((who): [string, string, Record<string, string>] => ['GET', '/api/v1/approvals', who]),
        // GET /audit: auditor, supervisor
        ...[officer, unit].map((who): [string, string, Record<string, string>] => ['GET', '/api/v1/audit', who]),
        // GET /reports/summary: officer, supervisor, auditor
        ['GET', '/api/v1/reports/summary', unit],
      ];

      for (const [method, path, who, body] of refused) {
        const answer = await api.request(method, path, { body, headers: who });
        expect({ method, path, status: answer.status }).toEqual({ method, path, status: 403 });
        expectErrorBody(answer.body, 403, undefined, { code: 'FORBIDDEN' });
        expect(answer.body['error']).toBe('Forbidden');
      }

      // Nothing of that happened: the finding is as it was opened.
      const after = await steps.finding(finding.id);
      expect(after.body.status).toBe('ASSIGNED');
      expect(after.body.events.map((event) => event.type)).toEqual(['ASSIGNED']);
    });

    it('refuses a supervisor deciding their own plan and their own extension request', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const both = as({ sub: `both-${unitId}`, roles: ['unit', 'supervisor'], unitId });
      const finding = await steps.oneFinding(unitId);

      expect((await steps.plan(finding.id, both)).status).toBe(200);
      const ownPlan = await steps.decidePlan(finding.id, 'approve', both);
      expect(ownPlan.status).toBe(403);
      expectErrorBody(ownPlan.body, 403, undefined, { code: 'RECUSAL_REQUIRED' });
      expect((await steps.finding(finding.id)).body).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
      expect((await steps.decidePlan(finding.id, 'approve', supervisor)).status).toBe(200);

      const requested = await steps.requestExtension(finding.id, both, inMs(3 * IN_A_DAY));
      expect(requested.status).toBe(202);
      const ownExtension = await steps.decideExtension(finding.id, 'approve', both);
      expect(ownExtension.status).toBe(403);
      expectErrorBody(ownExtension.body, 403, undefined, { code: 'RECUSAL_REQUIRED' });
      const still = await steps.finding(finding.id);
      expect(still.body).toMatchObject({ pendingApproval: 'extension', dueAt: finding.dueAt });
      expect(still.body.events.map((event) => event.type)).not.toContain('EXTENSION_APPROVED');
      expect((await steps.decideExtension(finding.id, 'deny', supervisor)).status).toBe(200);

      // and their own report
      expect((await steps.report(finding.id, both)).status).toBe(200);
      const ownReport = await steps.verify(finding.id, 'pass', both);
      expect(ownReport.status).toBe(403);
      expectErrorBody(ownReport.body, 403, undefined, { code: 'RECUSAL_REQUIRED' });
      expect((await steps.verify(finding.id, 'pass', supervisor)).body).toMatchObject({ status: 'CLOSED' });
    });

    it("refuses verification by the officer who opened the finding's case", async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const opener = as({ sub: `opener-${unitId}`, roles: ['officer', 'supervisor'] });
      const finding = await steps.oneFinding(unitId, {}, opener);

      expect((await steps.plan(finding.id, unit)).status).toBe(200);
      // Deciding the plan is not verification: the opener may do it.
      expect((await steps.decidePlan(finding.id, 'approve', opener)).status).toBe(200);
      expect((await steps.report(finding.id, unit)).status).toBe(200);
      const refused = await steps.verify(finding.id, 'pass', opener);
      expect(refused.status).toBe(403);
      expectErrorBody(refused.body, 403, undefined, { code: 'RECUSAL_REQUIRED' });
      const failRefused = await steps.verify(finding.id, 'fail', opener, { newDueAt: inMs(IN_A_DAY) });
      expect(failRefused.status).toBe(403);
      expect((await steps.finding(finding.id)).body).toMatchObject({ status: 'REPORT_SUBMITTED', pendingApproval: 'verification' });
      expect((await steps.verify(finding.id, 'pass', supervisor2)).body).toMatchObject({ status: 'CLOSED' });
    });
  });

  describe('404 for what does not exist or may not be seen', () => {
    it('answers 404 for unknown and malformed ids', async () => {
      const unknown = randomUUID();
      const paths: Array<[string, string, Record<string, string>, unknown?]> = [
        ['GET', `/api/v1/cases/${unknown}`, officer],
        ['GET', '/api/v1/cases/not-a-uuid', officer],
        ['GET', `/api/v1/cases/${unknown}'%20OR%201=1`, auditor],
        ['POST', `/api/v1/cases/${unknown}/findings`, officer, findingBody({ unitId: 'U1' })],
        ['POST', '/api/v1/cases/12345/findings', officer, findingBody({ unitId: 'U1' })],
        ['GET', `/api/v1/findings/${unknown}`, auditor],
        ['GET', '/api/v1/findings/abc', auditor],
        ['POST', `/api/v1/findings/${unknown}/plan`, unitUser('U1'), { content: '方案' }],
        ['POST', '/api/v1/findings/abc/plan', unitUser('U1'), { content: '方案' }],
        ['POST', `/api/v1/findings/${unknown}/plan/decision`, supervisor, { decision: 'approve', comment: 'ok' }],
        ['POST', `/api/v1/findings/${unknown}/verification`, supervisor, { decision: 'pass', comment: 'ok' }],
        ['POST', `/api/v1/findings/${unknown}/follow-up`, supervisor, { result: 'held', comment: 'ok' }],
        ['GET', '/api/v1/no-such-thing', auditor],
      ];
      for (const [method, path, who, body] of paths) {
        const answer = await api.request(method, path, { body, headers: who });
        expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
        expectErrorBody(answer.body, 404, undefined, { code: 'NOT_FOUND' });
        expect(answer.body['error']).toBe('Not Found');
      }
    });

    it("answers 404 to a unit user for another unit's finding, on GET and on every step, and never lists it", async () => {
      const mine = uniqueUnit('MINE');
      const theirs = uniqueUnit('THEIRS');
      await api.registerUnits(mine, theirs);
      const me = unitUser(mine);
      const created = await steps.openCase([{ unitId: mine }, { unitId: theirs }]);
      const own = created.findings.find((f) => f.unitId === mine) as Finding;
      const other = created.findings.find((f) => f.unitId === theirs) as Finding;

      expect((await steps.finding(own.id, me)).status).toBe(200);
      const hidden = await steps.finding(other.id, me);
      expect(hidden.status).toBe(404);
      expectErrorBody(hidden.body, 404);
      expect(JSON.stringify(hidden.body)).not.toContain(other.title);
      // Exactly as an unknown id answers.
      const unknownId = randomUUID();
      const unknown = await steps.finding(unknownId, me);
      const message = (answer: { body: unknown }) => (answer.body as { message: string }).message;
      expect(message(hidden).replace(other.id, 'X')).toBe(message(unknown).replace(unknownId, 'X'));

      for (const answer of [
        await steps.plan(other.id, me),
        await steps.report(other.id, me),
        await steps.requestExtension(other.id, me, inMs(2 * IN_A_DAY)),
      ]) {
        expect(answer.status).toBe(404);
        expectErrorBody(answer.body, 404);
      }
      expect((await steps.finding(other.id)).body.events.map((event) => event.type)).toEqual(['ASSIGNED']);

      const listed = await api.get<Page<Finding>>('/api/v1/findings?pageSize=200', me);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((f) => f.id)).toContain(own.id);
      expect(listed.body.items.every((f) => f.unitId === mine)).toBe(true);
      expect(listed.body.total).toBe(listed.body.items.length);
      const byCase = await api.get<Page<Finding>>(`/api/v1/findings?caseId=${created.id}`, me);
      expect(byCase.body).toEqual({ items: [expect.objectContaining({ id: own.id })], total: 1 });
      const byOtherUnit = await api.get<Page<Finding>>(`/api/v1/findings?unitId=${theirs}`, me);
      expect(byOtherUnit.body).toEqual({ items: [], total: 0 });
    });
  });

  describe('409 for a step the current state does not allow, with that state', () => {
    it('verification with no report, a plan on a RECTIFYING finding, a follow-up when none is due', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const finding = await steps.oneFinding(unitId);

      const noReport = await steps.verify(finding.id, 'pass');
      expect(noReport.status).toBe(409);
      expectErrorBody(noReport.body, 409, undefined, { code: 'STEP_NOT_ALLOWED' });
      expect(noReport.body).toMatchObject({ statusCode: 409, error: 'Conflict', status: 'ASSIGNED' });

      const noFollowUp = await steps.followUp(finding.id, 'held');
      expect(noFollowUp.status).toBe(409);
      expectErrorBody(noFollowUp.body, 409, undefined, { code: 'STEP_NOT_ALLOWED' });
      expect(noFollowUp.body['status']).toBe('ASSIGNED');

      const noPlan = await steps.decidePlan(finding.id, 'approve');
      expect(noPlan.status).toBe(409);
      expect(noPlan.body['status']).toBe('ASSIGNED');

      const noExtension = await steps.decideExtension(finding.id, 'approve');
      expect(noExtension.status).toBe(409);
      expect(noExtension.body['status']).toBe('ASSIGNED');

      const noAccountability = await steps.decideAccountability(finding.id, 'refer');
      expect(noAccountability.status).toBe(409);
      expect(noAccountability.body['status']).toBe('ASSIGNED');

      const noReportYet = await steps.report(finding.id, unit);
      expect(noReportYet.status).toBe(409);
      expect(noReportYet.body['status']).toBe('ASSIGNED');

      await steps.toRectifying(finding.id, unit);
      const planAgain = await steps.plan(finding.id, unit);
      expect(planAgain.status).toBe(409);
      expectErrorBody(planAgain.body, 409, undefined, { code: 'STEP_NOT_ALLOWED' });
      expect(planAgain.body['status']).toBe('RECTIFYING');

      const stillNoReport = await steps.verify(finding.id, 'fail', supervisor, { newDueAt: inMs(IN_A_DAY) });
      expect(stillNoReport.status).toBe(409);
      expect(stillNoReport.body['status']).toBe('RECTIFYING');

      // a second extension request while one is pending
      expect((await steps.requestExtension(finding.id, unit, inMs(2 * IN_A_DAY))).status).toBe(202);
      const twice = await steps.requestExtension(finding.id, unit, inMs(3 * IN_A_DAY));
      expect(twice.status).toBe(409);
      expect(twice.body['status']).toBe('RECTIFYING');

      const timeline = await steps.finding(finding.id);
      expect(timeline.body.events.map((event) => event.type)).toEqual([
        'ASSIGNED',
        'PLAN_SUBMITTED',
        'PLAN_APPROVED',
        'EXTENSION_REQUESTED',
      ]);
    });
  });

  describe('concurrent steps', () => {
    it('the same step sent five times at once is taken once; the rest are 409 with the status', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const finding = await steps.oneFinding(unitId);

      const plans = await Promise.all(Array.from({ length: 5 }, (_, i) => steps.plan(finding.id, unit, `方案 ${i}`)));
      expect(plans.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409]);
      for (const refused of plans.filter((answer) => answer.status === 409)) {
        expectErrorBody(refused.body, 409, undefined, { code: 'STEP_NOT_ALLOWED' });
        expect(refused.body['status']).toBe('PLAN_SUBMITTED');
      }

      // Two supervisors deciding at once: one decision wins, the other is refused.
      const decisions = await Promise.all([
        steps.decidePlan(finding.id, 'approve', supervisor),
        steps.decidePlan(finding.id, 'return', supervisor2, '退回'),
      ]);
      expect(decisions.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = decisions.find((answer) => answer.status === 200)?.body as Finding;

      const timeline = await steps.finding(finding.id);
      expect(timeline.body.events.map((event) => event.type)).toEqual([
        'ASSIGNED',
        'PLAN_SUBMITTED',
        winner.status === 'RECTIFYING' ? 'PLAN_APPROVED' : 'PLAN_RETURNED',
      ]);
      expect(timeline.body.status).toBe(winner.status);
    });
  });

  describe('400 naming the field', () => {
    const post = (body: unknown) => api.post('/api/v1/cases', body, officer);
    const expect400 = async (
      answer: Promise<{ status: number; body: unknown }>,
      field: RegExp,
      path?: string,
      code: ErrorCode = 'VALIDATION_FAILED',
    ) => {
      const { status, body } = (await answer) as { status: number; body: Record<string, unknown> };
      expect({ status, body }).toEqual({ status: 400, body: expect.anything() });
      expectErrorBody(body, 400, field, { code, field: path });
      expect(body['error']).toBe('Bad Request');
    };

    it('refuses bad case bodies', async () => {
      const good = () => caseBody([{ unitId: 'U1' }]);
      await expect400(post({ ...good(), foo: 1 }), /\bfoo\b/);
      await expect400(post({ ...good(), findings: [{ ...findingBody({ unitId: 'U1' }), priority: 'high' }] }), /\bpriority\b/);
      const { title: _title, ...untitled } = good();
      await expect400(post(untitled), /\btitle\b/, 'title');
      await expect400(post({ ...good(), title: '' }), /\btitle\b/);
      await expect400(post({ ...good(), title: '   ' }), /\btitle\b/);
      await expect400(post({ ...good(), title: 'x'.repeat(201) }), /\btitle\b/);
      await expect400(post({ ...good(), title: 42 }), /\btitle\b/);
      await expect400(post({ ...good(), source: 'rumour' }), /\bsource\b/);
      await expect400(post({ ...good(), summary: 'x'.repeat(10_001) }), /\bsummary\b/);
      await expect400(post({ ...good(), findings: [] }), /\bfindings\b/);
      await expect400(post({ ...good(), findings: 'none' }), /\bfindings\b/);
      const { findings: _findings, ...noFindings } = good();
      await expect400(post(noFindings), /\bfindings\b/);
      const many = Array.from({ length: 201 }, () => findingBody({ unitId: 'U1' }));
      await expect400(post({ ...good(), findings: many }), /\bfindings\b/);
      await expect400(post({ ...good(), findings: [findingBody({ unitId: 'U1', dueAt: inMs(-60_000) })] }), /\bdueAt\b/);
      await expect400(
        post({ ...good(), findings: [findingBody({ unitId: 'U1', dueAt: 'next tuesday' })] }),
        /\bdueAt\b/,
        'findings[0].dueAt',
      );
      await expect400(post({ ...good(), findings: [findingBody({ unitId: 'U1', dueAt: '2099-13-45T00:00:00Z' })] }), /\bdueAt\b/);
      await expect400(post({ ...good(), findings: [{ ...findingBody({ unitId: 'U1' }), dueAt: 4102444800000 }] }), /\bdueAt\b/);
      const { dueAt: _dueAt, ...noDue } = findingBody({ unitId: 'U1' });
      await expect400(post({ ...good(), findings: [noDue] }), /\bdueAt\b/);
      await expect400(post({ ...good(), findings: [findingBody({ unitId: 'U1', title: 'x'.repeat(201) })] }), /\btitle\b/);
      await expect400(post({ ...good(), findings: [findingBody({ unitId: 'has space' })] }), /\bunitId\b/, 'findings[0].unitId');
      await expect400(post({ ...good(), findings: [{ ...findingBody({ unitId: 'U1' }), unitId: undefined }] }), /\bunitId\b/);
      await expect400(post({ ...good(), findings: [findingBody({ unitId: 'U1', category: 'x'.repeat(101) })] }), /\bcategory\b/);
      await expect400(post({ ...good(), findings: [null] }), /\bfindings\b/);
      await expect400(post([good()]), /.+/);
      // JSON, but not an object: the parser (strict) refuses it before validation.
      await expect400(post('null'), /.+/, undefined, 'MALFORMED_BODY');

      // a 201-finding refusal did not open anything by halves
      const listed = await api.get<Page<{ title: string }>>('/api/v1/cases?pageSize=200', officer);
      expect(listed.status).toBe(200);
    });

    it('refuses a malformed JSON body', async () => {
      const answer = await api.post('/api/v1/cases', '{"title": "x", ', officer);
      expect(answer.status).toBe(400);
      expectErrorBody(answer.body, 400, /JSON/, { code: 'MALFORMED_BODY' });
      const step = await api.post(`/api/v1/findings/${randomUUID()}/plan`, '{content:', unitUser('U1'));
      expect(step.status).toBe(400);
      expectErrorBody(step.body, 400, undefined, { code: 'MALFORMED_BODY' });
    });

    it('refuses bad step bodies', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const finding = await steps.oneFinding(unitId);
      const f = `/api/v1/findings/${finding.id}`;

      await expect400(api.post(`${f}/plan`, {}, unit), /\bcontent\b/);
      await expect400(api.post(`${f}/plan`, { content: 'x', extra: true }, unit), /\bextra\b/);
      await expect400(api.post(`${f}/plan/decision`, { decision: 'maybe', comment: 'x' }, supervisor), /\bdecision\b/);
      await expect400(api.post(`${f}/plan/decision`, { decision: 'return' }, supervisor), /\bcomment\b/);
      await expect400(api.post(`${f}/extension`, { requestedDueAt: 'soon', reason: 'x' }, unit), /\brequestedDueAt\b/);
      await expect400(api.post(`${f}/extension`, { requestedDueAt: inMs(-1000), reason: 'x' }, unit), /\brequestedDueAt\b/);
      // later than now but not later than the current deadline
      await expect400(api.post(`${f}/extension`, { requestedDueAt: inMs(IN_A_DAY / 2), reason: 'x' }, unit), /\brequestedDueAt\b/);
      await expect400(api.post(`${f}/extension`, { requestedDueAt: inMs(2 * IN_A_DAY) }, unit), /\breason\b/);
      await expect400(api.post(`${f}/extension/decision`, { decision: 'perhaps' }, supervisor), /\bdecision\b/);
      await expect400(api.post(`${f}/accountability/decision`, { decision: 'forgive' }, supervisor), /\bdecision\b/);
      await expect400(api.post(`${f}/follow-up`, { result: 'relapsed', comment: 'x' }, supervisor), /\bnewDueAt\b/);
      await expect400(api.post(`${f}/follow-up`, { result: 'great' }, supervisor), /\bresult\b/);
      await expect400(api.post(`${f}/verification`, { decision: 'fail', comment: 'x', newDueAt: inMs(-1000) }, supervisor), /\bnewDueAt\b/);

      await steps.toRectifying(finding.id, unit);
      await expect400(steps.report(finding.id, unit, []), /\bevidence\b/);
      await expect400(api.post(`${f}/report`, { content: '报告' }, unit), /\bevidence\b/);
      await expect400(steps.report(finding.id, unit, [{ ...EVIDENCE, sha256: 'abc' }]), /\bsha256\b/, 'evidence[0].sha256');
      await expect400(steps.report(finding.id, unit, [{ ...EVIDENCE, sha256: 'g'.repeat(64) }]), /\bsha256\b/);
      await expect400(steps.report(finding.id, unit, [{ ...EVIDENCE, sha256: 'a'.repeat(65) }]), /\bsha256\b/);
      await expect400(steps.report(finding.id, unit, [{ name: 'x', uri: 'y' }]), /\bsha256\b/);
      await expect400(steps.report(finding.id, unit, [{ ...EVIDENCE, size: 1 }]), /\bsize\b/);
      await expect400(steps.report(finding.id, unit, ['file.jpg']), /\bevidence\b/);

      // none of those moved the finding
      const after = await steps.finding(finding.id);
      expect(after.body.events.map((event) => event.type)).toEqual(['ASSIGNED', 'PLAN_SUBMITTED', 'PLAN_APPROVED']);
      expect(after.body.status).toBe('RECTIFYING');
    });

    it('refuses bad query values', async () => {
      const queries: Array<[string, Record<string, string>, RegExp]> = [
        ['/api/v1/findings?status=FOO', auditor, /\bstatus\b/],
        ['/api/v1/findings?pageSize=0', auditor, /\bpageSize\b/],
        ['/api/v1/findings?pageSize=201', auditor, /\bpageSize\b/],
        ['/api/v1/findings?page=0', auditor, /\bpage\b/],
        ['/api/v1/findings?page=abc', auditor, /\bpage\b/],
        ['/api/v1/findings?page=1e308', auditor, /\bpage\b/],
        ['/api/v1/cases?page=1e308', auditor, /\bpage\b/],
        ['/api/v1/audit?page=1e308', auditor, /\bpage\b/],
        ['/api/v1/findings?overdue=yes', auditor, /\boverdue\b/],
        ['/api/v1/findings?escalationLevel=4', auditor, /\bescalationLevel\b/],
        ['/api/v1/findings?escalationLevel=one', auditor, /\bescalationLevel\b/],
        ['/api/v1/findings?caseId=nope', auditor, /\bcaseId\b/],
        ['/api/v1/findings?sort=dueAt', auditor, /\bsort\b/],
        ['/api/v1/cases?status=FOO', auditor, /\bstatus\b/],
        ['/api/v1/cases?pageSize=0', auditor, /\bpageSize\b/],
        ['/api/v1/audit?from=yesterday', auditor, /\bfrom\b/],
        ['/api/v1/audit?to=2026-02-30T00:00:00Z', auditor, /\bto\b/],
        ['/api/v1/audit?type=NOTHING', auditor, /\btype\b/],
        ['/api/v1/audit?entityId=42', auditor, /\bentityId\b/],
        ['/api/v1/approvals?pageSize=0', supervisor, /\bpageSize\b/],
      ];
      for (const [path, who, field] of queries) {
        const answer = await api.get(path, who);
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
        expectErrorBody(answer.body, 400, field, { code: 'VALIDATION_FAILED' });
      }
    });

    it('refuses text PostgreSQL cannot store (NUL, unpaired surrogates) up front, so no step stalls in its projection', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      await expect400(post({ ...caseBody([{ unitId }]), title: 'a\u0000b' }), /\btitle\b/);
      await expect400(post({ ...caseBody([{ unitId }]), summary: 'x\ud800y' }), /\bsummary\b/);
      await expect400(post(caseBody([{ unitId, description: 'tail \udc00' }])), /\bdescription\b/);
      const finding = await steps.oneFinding(unitId);
      await expect400(steps.plan(finding.id, unit, 'plan\u0000'), /\bcontent\b/);
      await expect400(steps.requestExtension(finding.id, unit, inMs(2 * IN_A_DAY), '\ud83d'), /\breason\b/);
      // The finding still moves at once: nothing is stuck behind a poisoned write.
      const planned = await steps.plan(finding.id, unit, '方案 😀 with an astral character');
      expect(planned.status).toBe(200);
      await expect400(steps.decidePlan(finding.id, 'return', supervisor, 'no\u0000'), /\bcomment\b/);
      expect((await steps.decidePlan(finding.id, 'approve')).status).toBe(200);
      await expect400(steps.report(finding.id, unit, [{ ...EVIDENCE, name: 'a\u0000.jpg' }]), /\bname\b/);
      expect((await steps.report(finding.id, unit)).status).toBe(200);
      const timeline = await steps.finding(finding.id);
      expect(timeline.body.events.map((event) => event.type)).toEqual(['ASSIGNED', 'PLAN_SUBMITTED', 'PLAN_APPROVED', 'REPORT_SUBMITTED']);
      expect(timeline.body.events[1].data).toMatchObject({ content: '方案 😀 with an astral character' });
    });

    it('answers an oversized case with a 4xx at once, and opens a large one it accepts', async () => {
      const big = (findings: number, descriptionChars: number) => ({
        ...caseBody([]),
        summary: '案'.repeat(10_000),
        findings: Array.from({ length: findings }, (_, i) =>
          findingBody({
            unitId: `BIG-${i}`,
            title: '题'.repeat(200),
            description: '述'.repeat(descriptionChars),
            category: '类'.repeat(100),
            responsiblePerson: '人'.repeat(100),
          }),
        ),
      });
      // Every unit registered, so that the size alone is what the 4xx answers.
      await api.registerUnits(...Array.from({ length: 200 }, (_, i) => `BIG-${i}`));
      // About 2 MB of UTF-8, every field within its bound: more than the workflow's payloads could carry.
      const started = Date.now();
      const tooBig = await api.post('/api/v1/cases', big(200, 2_900), officer);
      expect(tooBig.status).toBeGreaterThanOrEqual(400);
      expect(tooBig.status).toBeLessThan(500);
      expectErrorBody(tooBig.body, tooBig.status);
      expect(Date.now() - started).toBeLessThan(5_000);

      // Half a megabyte, every description at its 5000-character bound: accepted, opened, and it takes steps.
      const body = big(30, 5_000);
      expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(500_000);
      const opened = await api.post<{ id: string; findings: Finding[] }>('/api/v1/cases', body, officer);
      expect(opened.status).toBe(201);
      expect(opened.body.findings).toHaveLength(30);
      const first = opened.body.findings.find((f) => f.unitId === 'BIG-0') as Finding;
      expect((await steps.plan(first.id, unitUser('BIG-0'))).status).toBe(200);
      const added = await api.post(`/api/v1/cases/${opened.body.id}/findings`, findingBody({ unitId: 'BIG-30' }), officer);
      expect(added.status).toBe(201);
    });

    it('refuses a bad Idempotency-Key header', async () => {
      const answer = await api.post('/api/v1/cases', caseBody([{ unitId: 'U1' }]), { ...officer, 'idempotency-key': 'k'.repeat(201) });
      expect(answer.status).toBe(400);
      expectErrorBody(answer.body, 400, /Idempotency-Key/, { code: 'VALIDATION_FAILED', field: 'Idempotency-Key' });
    });
  });
});
