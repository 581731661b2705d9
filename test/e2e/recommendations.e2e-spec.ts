import type { ApprovalQueue, FindingView, FindingWithEvents, RecommendationView, RecommendationWithEvents } from '@reform/contracts';
import { createHash } from 'node:crypto';
import {
  Api,
  as,
  auditor,
  expectErrorBody,
  expectNoServerErrorsInEachTest,
  findingBody,
  IN_A_DAY,
  inMs,
  officer,
  Steps,
  supervisor,
  uniqueText,
  uniqueUnit,
  unitUser,
  type AuthHeaders,
} from '../support/contract';
import { eventually } from '../support/http';
import { SECONDS_POLICIES, Stack } from '../support/stack';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const V1 = '/api/v1';
const RECEIPT_DUE_MS = 6_000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** An officer who is also a supervisor: drafting and signing off the same recommendation is 回避. */
const officerSupervisor = as({ sub: 'officer-supervisor-1', roles: ['officer', 'supervisor'] });

describe('recommendations (纪检监察建议书): drafted, signed off, issued, signed for, answered (external PostgreSQL)', () => {
  let database: TestDatabase;
  let stack: Stack;
  let api: Api;
  let steps: Steps;
  const unit = uniqueUnit('RA');
  const otherUnit = uniqueUnit('RB');
  const unitHeaders = unitUser(unit);

  const draftBody = (items: number, overrides: Record<string, unknown> = {}) => ({
    unitId: unit,
    title: uniqueText('关于加强工程项目监管的纪检监察建议'),
    causeAnalysis: '制度执行不严\n监督缺位',
    measures: '完善招投标制度\n加强日常监督',
    replyDueAt: inMs(IN_A_DAY),
    findings: Array.from({ length: items }, () => {
      const { unitId: _unitId, ...item } = findingBody({ unitId: unit, dueAt: inMs(10 * IN_A_DAY) });
      return item;
    }),
    ...overrides,
  });
  const openCase = async () => (await steps.openCase([{ unitId: otherUnit }])).id;
  const draft = async (caseId: string, body: Record<string, unknown>, by: AuthHeaders = officer) =>
    api.post<RecommendationView>(`${V1}/cases/${caseId}/recommendations`, body, by);
  const recommendation = (id: string, by: AuthHeaders = auditor) => api.get<RecommendationWithEvents>(`${V1}/recommendations/${id}`, by);
  const act = (id: string, step: string, body: Record<string, unknown>, by: AuthHeaders) =>
    api.post<RecommendationView>(`${V1}/recommendations/${id}/${step}`, body, by);
  const finding = (id: string, by: AuthHeaders = auditor) => api.get<FindingWithEvents>(`${V1}/findings/${id}`, by);
  const types = (entity: { events: Array<{ type: string }> }) => entity.events.map((event) => event.type);

  /** Drafted, submitted and approved: ISSUED. */
  const issued = async (items = 2, overrides: Record<string, unknown> = {}): Promise<RecommendationView> => {
    const drafted = await draft(await openCase(), draftBody(items, overrides));
    expect(drafted.status).toBe(201);
    expect((await act(drafted.body.id, 'submit', {}, officer)).status).toBe(200);
    const approved = await act(drafted.body.id, 'signoff', { decision: 'approve', comment: '同意印发' }, supervisor);
    expect(approved.status).toBe(200);
    return approved.body;
  };

  const startStack = (dataDir?: string, ports?: Stack['ports']) =>
    Stack.start(
      {
        dataDir,
        env: {
          ...SECONDS_POLICIES,
          POLICY_RECEIPT_DUE: `PT${RECEIPT_DUE_MS / 1000}S`,
          POLICY_APPROVAL_SLA: 'PT5S',
          DATABASE_URL: database.url,
        },
      },
      ports,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack();
    api = new Api(stack.url(''));
    steps = new Steps(api);
    await api.registerUnits(unit, otherUnit);
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });
  expectNoServerErrorsInEachTest(() => api);

  describe('draft and sign-off', () => {
    it('drafts a recommendation with DRAFT findings that run no step and keep the case open; a unit does not see it', async () => {
      const caseId = await openCase();
      const drafted = await draft(caseId, draftBody(2));
      expect(drafted.status).toBe(201);
      expect(drafted.body).toMatchObject({
        caseId,
        unitId: unit,
        status: 'DRAFT',
        docNo: null,
        documentId: null,
        receipt: null,
        reply: null,
      });
      expect(drafted.body.overdue).toEqual({ receipt: false, reply: false });
      expect(drafted.body.findingIds).toHaveLength(2);

      const item = await finding(drafted.body.findingIds[0]);
      expect(item.status).toBe(200);
      expect(item.body).toMatchObject({ status: 'DRAFT', recommendationId: drafted.body.id, unitId: unit });
      // Its unit does not see it before the issue; a supervisor's step on it is not allowed.
      expect((await steps.plan(drafted.body.findingIds[0], unitHeaders)).status).toBe(404);
      expect((await finding(drafted.body.findingIds[0], unitHeaders)).status).toBe(404);
      const stepOnDraft = await steps.decidePlan(drafted.body.findingIds[0], 'approve');
      expect(stepOnDraft.status).toBe(409);
      expectErrorBody(stepOnDraft.body, 409);
      expect((stepOnDraft.body as unknown as { status: string }).status).toBe('DRAFT');

      expect((await recommendation(drafted.body.id, unitHeaders)).status).toBe(404);
      const unitsList = await api.get<{ items: RecommendationView[] }>(`${V1}/recommendations?caseId=${caseId}`, unitHeaders);
      expect(unitsList.body.items).toEqual([]);
      const caseView = await api.get<{ status: string }>(`${V1}/cases/${caseId}`, auditor);
      expect(caseView.body.status).toBe('OPEN');
      expect(types((await recommendation(drafted.body.id)).body)).toEqual(['RECOMMENDATION_DRAFTED']);
    });

    it('refuses a draft naming what is wrong: unknown unit, another unit on an item, a past or double reply deadline, no items', async () => {
      const caseId = await openCase();
      const cases: Array<[Record<string, unknown>, string]> = [
        [draftBody(1, { unitId: 'U-NOBODY' }), 'unitId'],
        [{ ...draftBody(1), findings: [{ ...draftBody(1).findings[0], unitId: otherUnit }] }, 'findings[0].unitId'],
        [draftBody(1, { replyDueAt: inMs(-60_000) }), 'replyDueAt'],
        [draftBody(1, { replyDueInWorkingDays: 5 }), 'replyDueAt'],
        [draftBody(0), 'findings'],
        [draftBody(51), 'findings'],
      ];
      for (const [body, field] of cases) {
        const answer = await draft(caseId, body);
        expect({ field, status: answer.status }).toEqual({ field, status: 400 });
        expectErrorBody(answer.body, 400);
        expect((answer.body as unknown as { field: string }).field).toBe(field);
      }
      expect((await draft('00000000-0000-4000-8000-000000000000', draftBody(1))).status).toBe(404);
      expect((await draft(caseId, draftBody(1), unitHeaders)).status).toBe(403);
      expect((await draft(caseId, draftBody(1), supervisor)).status).toBe(403);
    });

    it('returns a draft with a comment, takes its revision, and refuses sign-off by its drafter (回避)', async () => {
      const drafted = await draft(await openCase(), draftBody(1), officerSupervisor);
      const id = drafted.body.id;
      expect((await act(id, 'signoff', { decision: 'approve' }, supervisor)).status).toBe(409);
      expect((await act(id, 'submit', {}, officerSupervisor)).body.status).toBe('PENDING_SIGNOFF');
      expect((await act(id, 'submit', {}, officer)).status).toBe(409);

      const queue = await api.get<ApprovalQueue>(`${V1}/approvals`, supervisor);
      expect(queue.body.recommendations.map((r) => r.id)).toContain(id);

      const own = await act(id, 'signoff', { decision: 'approve' }, officerSupervisor);
      expect(own.status).toBe(403);
      expect((own.body as unknown as { code: string }).code).toBe('RECUSAL_REQUIRED');
      expect((await act(id, 'signoff', { decision: 'return' }, supervisor)).status).toBe(400);

      const returned = await act(id, 'signoff', { decision: 'return', comment: '成因分析不够深入' }, supervisor);
      expect(returned.body).toMatchObject({ status: 'DRAFT', returnComment: '成因分析不够深入' });
      const edited = await api.patch<RecommendationView>(
        `${V1}/recommendations/${id}`,
        { causeAnalysis: '制度缺失，监督流于形式' },
        officer,
      );
      expect(edited.status).toBe(200);
      expect(edited.body.causeAnalysis).toBe('制度缺失，监督流于形式');
      expect((await api.patch(`${V1}/recommendations/${id}`, { replyDueAt: inMs(-1000) }, officer)).status).toBe(400);
      expect((await act(id, 'submit', {}, officer)).body.status).toBe('PENDING_SIGNOFF');
      expect(types((await recommendation(id)).body)).toEqual([
        'RECOMMENDATION_DRAFTED',
        'RECOMMENDATION_SUBMITTED',
        'RECOMMENDATION_RETURNED',
        'RECOMMENDATION_EDITED',
        'RECOMMENDATION_SUBMITTED',
      ]);
    });

    it('escalates a sign-off left pending past POLICY_APPROVAL_SLA, once', async () => {
      const drafted = await draft(await openCase(), draftBody(1));
      await act(drafted.body.id, 'submit', {}, officer);
      const late = await eventually(
        () => recommendation(drafted.body.id),
        (answer) => types(answer.body).includes('APPROVAL_OVERDUE'),
        30_000,
      );
      expect(types(late.body).filter((type) => type === 'APPROVAL_OVERDUE')).toHaveLength(1);
    });
  });

  describe('issue, receipt and reply', () => {
    it('issues with a number, a frozen document and its findings assigned, their plan due with the reply', async () => {
      const first = await issued(2);
      const second = await issued(1);
      expect(first).toMatchObject({ status: 'ISSUED', unitId: unit });
      expect(first.docNo).toMatch(/〔\d{4}〕\d+号$/);
      const serial = (docNo: string | null) => Number(/〔\d{4}〕(\d+)号$/.exec(docNo ?? '')?.[1]);
      expect(serial(second.docNo)).toBe(serial(first.docNo) + 1);
      expect(Date.parse(first.receiptDueAt ?? '') - Date.parse(first.issuedAt ?? '')).toBe(RECEIPT_DUE_MS);

      for (const id of first.findingIds) {
        const item = await finding(id);
        expect(item.body).toMatchObject({ status: 'ASSIGNED', recommendationId: first.id });
        expect(types(item.body)).toEqual(['ASSIGNED']);
      }
      const pdf = await fetch(stack.url(`${V1}/recommendations/${first.id}/document`), { headers: unitHeaders });
      expect(pdf.status).toBe(200);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const documents = await api.get<{ items: Array<{ id: string; kind: string; docNo: string; sha256Pdf: string }> }>(
        `${V1}/findings/${first.findingIds[0]}/documents`,
        unitHeaders,
      );
      const document = documents.body.items.find((item) => item.kind === 'recommendation');
      expect(document).toMatchObject({ id: first.documentId, docNo: first.docNo, sha256Pdf: sha256(bytes) });
      const docx = await fetch(stack.url(`${V1}/recommendations/${first.id}/document?format=docx`), { headers: unitHeaders });
      expect(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      const notified = await database.dataSource.query(`SELECT kind, recipient FROM notifications WHERE recommendation_id = $1`, [
        first.id,
      ]);
      expect(notified).toEqual([{ kind: 'RECOMMENDATION_ISSUED', recipient: { kind: 'unit', unitId: unit } }]);
    });

    it('answers 404 for the document before issue', async () => {
      const drafted = await draft(await openCase(), draftBody(1));
      expect((await api.get(`${V1}/recommendations/${drafted.body.id}/document`, officer)).status).toBe(404);
    });

    it('takes plans only through the reply, after receipt, all or nothing', async () => {
      const rec = await issued(2);
      const [a, b] = rec.findingIds;
      const direct = await steps.plan(a, unitHeaders);
      expect(direct.status).toBe(409);
      expect((direct.body as unknown as { code: string }).code).toBe('REPLY_AWAITED');

      const reply = (plans: Array<{ findingId: string; content: string }>) =>
        act(rec.id, 'reply', { content: '我单位高度重视，逐项整改', signedBy: '张局长', plans }, unitHeaders);
      expect(
        (
          await reply([
            { findingId: a, content: '方案A' },
            { findingId: b, content: '方案B' },
          ])
        ).status,
      ).toBe(409);
      expect((await act(rec.id, 'receipt', { signedBy: '张局长' }, unitUser(otherUnit))).status).toBe(404);

      const signed = await act(rec.id, 'receipt', { signedBy: '张局长', statement: '坚决落实' }, unitHeaders);
      expect(signed.status).toBe(200);
      expect(signed.body.status).toBe('RECEIVED');
      expect(signed.body.receipt).toMatchObject({ signedBy: '张局长', statement: '坚决落实', actor: `unit-user-${unit}` });
      expect((await act(rec.id, 'receipt', { signedBy: '张局长' }, unitHeaders)).status).toBe(409);

      const missing = await reply([{ findingId: a, content: '方案A' }]);
      expect(missing.status).toBe(400);
      expect((missing.body as unknown as { field: string; message: string }).field).toBe('plans');
      expect((missing.body as unknown as { message: string }).message).toContain(b);
      expect((await finding(a)).body.status).toBe('ASSIGNED');

      const answered = await reply([
        { findingId: a, content: '方案A' },
        { findingId: b, content: '方案B' },
      ]);
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ status: 'REPLIED', reply: { signedBy: '张局长', content: '我单位高度重视，逐项整改' } });
      for (const [id, content] of [
        [a, '方案A'],
        [b, '方案B'],
      ]) {
        const item = await finding(id);
        expect(item.body.status).toBe('PLAN_SUBMITTED');
        expect(item.body.events.find((event) => event.type === 'PLAN_SUBMITTED')?.data).toMatchObject({ content });
      }
      expect(types((await recommendation(rec.id)).body)).toEqual([
        'RECOMMENDATION_DRAFTED',
        'RECOMMENDATION_SUBMITTED',
        'RECOMMENDATION_ISSUED',
        'RECEIPT_SIGNED',
        'REPLY_SUBMITTED',
      ]);
      // After the reply, a returned plan is resubmitted one finding at a time, as in v1.
      expect((await steps.decidePlan(a, 'return')).status).toBe(200);
      expect((await steps.plan(a, unitHeaders, '修改后的方案')).status).toBe(200);
    });

    it('closes with its last finding; the case closes only when every finding has, its drafts included', async () => {
      const caseId = await openCase();
      const caseView = await api.get<{ findings: FindingView[] }>(`${V1}/cases/${caseId}`, auditor);
      const rec = (await draft(caseId, draftBody(1))).body;
      const waiting = (await draft(caseId, draftBody(1))).body;
      await act(rec.id, 'submit', {}, officer);
      await act(rec.id, 'signoff', { decision: 'approve' }, supervisor);
      await act(rec.id, 'receipt', { signedBy: '张局长' }, unitHeaders);
      await act(
        rec.id,
        'reply',
        { content: '回复', signedBy: '张局长', plans: [{ findingId: rec.findingIds[0], content: '方案' }] },
        unitHeaders,
      );
      expect((await steps.decidePlan(rec.findingIds[0], 'approve')).status).toBe(200);
      expect((await steps.report(rec.findingIds[0], unitHeaders)).status).toBe(200);
      expect((await steps.verify(rec.findingIds[0], 'pass')).status).toBe(200);
      await steps.toClosed(caseView.body.findings[0].id, unitUser(otherUnit));

      const closed = await eventually(
        () => recommendation(rec.id),
        (answer) => answer.body.status === 'CLOSED',
      );
      expect(types(closed.body).at(-1)).toBe('RECOMMENDATION_CLOSED');
      expect(closed.body.closedAt).not.toBeNull();
      expect((await recommendation(waiting.id)).body.status).toBe('DRAFT');
      const stillOpen = await api.get<{ status: string }>(`${V1}/cases/${caseId}`, auditor);
      expect(stillOpen.body.status).toBe('OPEN');
    });
  });

  describe('timers', () => {
    it('marks a receipt overdue once, with notices to the unit and the tracking office; the list filters it', async () => {
      const rec = await issued(1);
      const late = await eventually(
        () => recommendation(rec.id),
        (answer) => answer.body.overdue.receipt,
        30_000,
      );
      expect(types(late.body).filter((type) => type === 'RECEIPT_OVERDUE')).toHaveLength(1);
      const overdue = await api.get<{ items: RecommendationView[] }>(`${V1}/recommendations?overdue=true&pageSize=100`, auditor);
      expect(overdue.body.items.map((item) => item.id)).toContain(rec.id);
      const notices = await database.dataSource.query(
        `SELECT recipient FROM notifications WHERE recommendation_id = $1 AND kind = 'RECEIPT_OVERDUE' ORDER BY key`,
        [rec.id],
      );
      expect(notices.map((row: { recipient: { kind: string } }) => row.recipient.kind).sort()).toEqual(['office', 'unit']);
      const signed = await act(rec.id, 'receipt', { signedBy: '张局长' }, unitHeaders);
      expect(signed.body.overdue.receipt).toBe(false);
    });

    it('reminds before the reply deadline and marks the reply overdue at it, once each; the findings’ plans are overdue with it', async () => {
      const rec = await issued(1, { replyDueAt: inMs(9_000) });
      await act(rec.id, 'receipt', { signedBy: '张局长' }, unitHeaders);
      const late = await eventually(
        () => recommendation(rec.id),
        (answer) => answer.body.overdue.reply,
        30_000,
      );
      const events = types(late.body);
      expect(events.filter((type) => type === 'REMINDER_SENT')).toHaveLength(1);
      expect(events.filter((type) => type === 'REPLY_OVERDUE')).toHaveLength(1);
      expect(events.indexOf('REMINDER_SENT')).toBeLessThan(events.indexOf('REPLY_OVERDUE'));
      const item = await eventually(
        () => finding(rec.findingIds[0]),
        (answer) => types(answer.body).includes('PLAN_OVERDUE'),
      );
      expect(item.body.status).toBe('ASSIGNED');
    });
  });

  describe('ledger and report', () => {
    it('shows the 文号 in the ledger and counts the recommendations signed for and answered in time', async () => {
      const rec = await issued(1);
      await act(rec.id, 'receipt', { signedBy: '张局长' }, unitHeaders);
      const ledger = await api.get<{ items: Array<{ findingId: string; recommendationDocNo: string | null }> }>(
        `${V1}/ledger?unitId=${unit}&pageSize=200`,
        auditor,
      );
      expect(ledger.body.items.find((row) => row.findingId === rec.findingIds[0])?.recommendationDocNo).toBe(rec.docNo);
      const report = await api.get<{ issued: number; signedInTime: number; byUnit: Array<{ unitId: string; issued: number }> }>(
        `${V1}/reports/recommendations`,
        auditor,
      );
      expect(report.status).toBe(200);
      expect(report.body.issued).toBeGreaterThanOrEqual(1);
      expect(report.body.signedInTime).toBeGreaterThanOrEqual(1);
      expect(report.body.byUnit.find((row) => row.unitId === unit)?.issued).toBeGreaterThanOrEqual(1);
    });
  });

  describe('a crash of the whole stack', () => {
    it('still fires a receipt due while every process was killed, once, after the restart', async () => {
      const rec = await issued(1);
      await stack.crash();
      await new Promise((resolve) => setTimeout(resolve, RECEIPT_DUE_MS));
      stack = await startStack(stack.dataDir, stack.ports);
      const late = await eventually(
        () => recommendation(rec.id),
        (answer) => answer.status === 200 && answer.body.overdue.receipt,
        60_000,
      );
      expect(types(late.body).filter((type) => type === 'RECEIPT_OVERDUE')).toHaveLength(1);
      const notices = await database.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recommendation_id = $1 AND kind = 'RECEIPT_OVERDUE'`,
        [rec.id],
      );
      expect(notices[0].n).toBe(2);
    });
  });
});
