import type { AuditEntry, FindingsSummary } from '@reform/contracts';
import { eventually } from '../support/http';
import {
  Api,
  auditor,
  caseBody,
  contractFields,
  countOf,
  EVIDENCE,
  eventTypes,
  expectErrorBody,
  expectFindingShape,
  findingBody,
  IN_A_DAY,
  inMs,
  ISO,
  officer,
  Steps,
  supervisor,
  supervisor2,
  uniqueText,
  uniqueUnit,
  unitUser,
  UUID,
  type Case,
  type Finding,
  type FindingWithEvents,
  type Page,
  type TimelineEvent,
  expectNoServerErrorsInEachTest,
} from '../support/contract';
import { Stack } from '../support/stack';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const CASE_CODE = /^ZG-(\d{4})-(\d{4})$/;
/** Case codes count the year in China Standard Time. */
const cstYear = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear();
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

describe('HTTP contract: resources and every step (external PostgreSQL)', () => {
  let database: TestDatabase;
  let stack: Stack;
  let api: Api;
  let steps: Steps;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await Stack.start({
      env: {
        DATABASE_URL: database.url,
        // No timer noise in the timelines this file asserts exactly, except the follow-up review.
        POLICY_PLAN_DUE: 'PT10M',
        POLICY_APPROVAL_SLA: 'PT10M',
        POLICY_ESCALATION_STEP: 'PT10M',
        POLICY_REMIND_BEFORE: 'PT1S',
        POLICY_FOLLOW_UP_AFTER: 'PT2S',
      },
    });
    api = new Api(stack.url(''));
    steps = new Steps(api);
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });
  expectNoServerErrorsInEachTest(() => api);

  const read = async (id: string): Promise<FindingWithEvents> => {
    const response = await steps.finding(id);
    expect(response.status).toBe(200);
    return response.body;
  };
  const readCase = async (id: string): Promise<Case> => {
    const response = await api.get<Case>(`/api/v1/cases/${id}`, auditor);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** The step's answer is the finding as every later read returns it. */
  const expectDurable = async (answer: Finding) => {
    expectFindingShape(answer);
    expect(contractFields(await read(answer.id))).toEqual(contractFields(answer));
  };
  const allCases = async (): Promise<Case[]> => {
    const items: Case[] = [];
    for (let page = 1; ; page++) {
      const listed = await api.get<Page<Case>>(`/api/v1/cases?page=${page}&pageSize=200`, auditor);
      items.push(...listed.body.items);
      if (items.length >= listed.body.total || listed.body.items.length === 0) return items;
    }
  };

  describe('cases', () => {
    it('POST /cases opens a case: 201, code ZG-YYYY-NNNN, OPEN, and findings of the contract shape', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const dueLocal = '2099-03-01T09:30:00+08:00';
      const body = caseBody(
        [
          {
            unitId,
            title: '采购制度缺失',
            description: '未建立采购比价制度',
            category: '制度建设',
            responsiblePerson: '张三',
            dueAt: dueLocal,
          },
          { unitId, title: '监督缺位', description: '一把手监督不到位' },
        ],
        { title: '某局局长受贿案', summary: '利用职务便利收受财物', source: 'review' },
      );
      const before = Date.now();
      const created = await api.post<Case>('/api/v1/cases', body, officer);
      expect(created.status).toBe(201);
      const c = created.body;
      expect(c.id).toMatch(UUID);
      expect(c.code).toMatch(CASE_CODE);
      expect(c.status).toBe('OPEN');
      expect(c).toMatchObject({ title: '某局局长受贿案', summary: '利用职务便利收受财物', source: 'review' });
      expect(c.findings).toHaveLength(2);

      const [first, second] = [c.findings.find((f) => f.title === '采购制度缺失'), c.findings.find((f) => f.title === '监督缺位')];
      for (const finding of [first, second]) expectFindingShape(finding);
      expect(first).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(UUID),
          caseId: c.id,
          title: '采购制度缺失',
          description: '未建立采购比价制度',
          category: '制度建设',
          unitId,
          responsiblePerson: '张三',
          dueAt: '2099-03-01T01:30:00.000Z',
          status: 'ASSIGNED',
          overdue: false,
          escalationLevel: 0,
          accountability: 'none',
          pendingApproval: null,
          createdAt: expect.stringMatching(ISO),
          updatedAt: expect.stringMatching(ISO),
          closedAt: null,
        }),
      );
      expect(second).toMatchObject({
        caseId: c.id,
        description: '一把手监督不到位',
        category: null,
        responsiblePerson: null,
        status: 'ASSIGNED',
      });
      expect(Date.parse((first as Finding).createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse((first as Finding).createdAt)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(first?.id).not.toBe(second?.id);
      expect(Number(CASE_CODE.exec(c.code)?.[1])).toBe(cstYear((first as Finding).createdAt));

      // What the POST answered is what every read returns.
      const stored = await readCase(c.id);
      expect(stored).toMatchObject({
        id: c.id,
        code: c.code,
        status: 'OPEN',
        title: c.title,
        summary: c.summary,
        source: 'review',
        closedAt: null,
      });
      expect(stored.findings.map((f) => contractFields(f)).sort((a, b) => String(a['id']).localeCompare(String(b['id'])))).toEqual(
        c.findings.map((f) => contractFields(f)).sort((a, b) => String(a['id']).localeCompare(String(b['id']))),
      );
      for (const finding of c.findings) {
        const read1 = await read(finding.id);
        expect(contractFields(read1)).toEqual(contractFields(finding));
        // The contract's fields of an event exactly; fields added beside them (actorName) are the implementer's.
        expect(read1.events).toEqual([
          expect.objectContaining({
            seq: 1,
            type: 'ASSIGNED',
            at: finding.createdAt,
            actor: 'officer-1',
            data: expect.objectContaining({ unitId, dueAt: finding.dueAt }),
          }),
        ]);
      }

      // Codes are unique and sequential within the year.
      const next = await steps.openCase([{ unitId }]);
      const [, year1, n1] = CASE_CODE.exec(c.code) as RegExpExecArray;
      const [, year2, n2] = CASE_CODE.exec(next.code) as RegExpExecArray;
      expect(year2).toBe(year1);
      expect(Number(n2)).toBe(Number(n1) + 1);

      // Opened at the same moment, still unique and without gaps.
      const together = await Promise.all(Array.from({ length: 5 }, () => steps.openCase([{ unitId }])));
      const numbers = together.map((opened) => Number((CASE_CODE.exec(opened.code) as RegExpExecArray)[2])).sort((x, y) => x - y);
      expect(numbers).toEqual([1, 2, 3, 4, 5].map((i) => Number(n2) + i));
    });

    it('GET /cases filters by status, pages, and counts the total', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const open1 = await steps.openCase([{ unitId }]);
      const open2 = await steps.openCase([{ unitId }]);
      const closing = await steps.openCase([{ unitId }]);
      await steps.toClosed(closing.findings[0].id, unitUser(unitId));
      await eventually(
        () => readCase(closing.id),
        (c) => c.status === 'CLOSED',
      );

      const all = await api.get<Page<Case>>('/api/v1/cases?pageSize=200', officer);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(all.body.items.length);
      expect(ids(all.body.items)).toEqual(expect.arrayContaining([open1.id, open2.id, closing.id]));
      const listedClosed = all.body.items.find((c) => c.id === closing.id) as Case;
      expect(listedClosed).toMatchObject({ id: closing.id, code: closing.code, status: 'CLOSED', closedAt: expect.stringMatching(ISO) });

      const open = await api.get<Page<Case>>('/api/v1/cases?status=OPEN&pageSize=200', supervisor);
      const closed = await api.get<Page<Case>>('/api/v1/cases?status=CLOSED&pageSize=200', auditor);
      expect(open.body.items.every((c) => c.status === 'OPEN')).toBe(true);
      expect(closed.body.items.every((c) => c.status === 'CLOSED')).toBe(true);
      expect(ids(open.body.items)).toEqual(expect.arrayContaining([open1.id, open2.id]));
      expect(ids(open.body.items)).not.toContain(closing.id);
      expect(ids(closed.body.items)).toContain(closing.id);
      expect(open.body.total + closed.body.total).toBe(all.body.total);

      // Pages: consecutive slices of the same order, each with the full total.
      const page1 = await api.get<Page<Case>>('/api/v1/cases?page=1&pageSize=2', officer);
      const page2 = await api.get<Page<Case>>('/api/v1/cases?page=2&pageSize=2', officer);
      expect(page1.body.items).toHaveLength(2);
      expect(page1.body.total).toBe(all.body.total);
      expect(page2.body.total).toBe(all.body.total);
      expect([...ids(page1.body.items), ...ids(page2.body.items)]).toEqual(ids(all.body.items).slice(0, 4));
      const beyond = await api.get<Page<Case>>(`/api/v1/cases?page=${all.body.total + 1}&pageSize=1`, officer);
      expect(beyond.body).toEqual({ items: [], total: all.body.total });
    });

    it('GET /cases/:id returns the case with its findings', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const created = await steps.openCase([{ unitId }, { unitId }, { unitId }]);
      for (const who of [officer, supervisor, auditor]) {
        const got = await api.get<Case>(`/api/v1/cases/${created.id}`, who);
        expect(got.status).toBe(200);
        expect(got.body).toMatchObject({ id: created.id, code: created.code, status: 'OPEN' });
        expect(ids(got.body.findings).sort()).toEqual(ids(created.findings).sort());
        got.body.findings.forEach((f) => expectFindingShape(f));
      }
      // Upper-case uuids name the same case.
      expect((await api.get<Case>(`/api/v1/cases/${created.id.toUpperCase()}`, auditor)).body.id).toBe(created.id);
    });

    it('POST /cases/:id/findings adds a finding (201) to an OPEN case and 409s on a CLOSED one', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const created = await steps.openCase([{ unitId }]);
      const added = await api.post<Finding>(
        `/api/v1/cases/${created.id}/findings`,
        findingBody({ unitId, title: '补充问题', description: '后续发现', category: '作风', responsiblePerson: '李四' }),
        officer,
      );
      expect(added.status).toBe(201);
      expectFindingShape(added.body);
      expect(added.body).toMatchObject({
        caseId: created.id,
        title: '补充问题',
        description: '后续发现',
        category: '作风',
        unitId,
        responsiblePerson: '李四',
        status: 'ASSIGNED',
        overdue: false,
        escalationLevel: 0,
        accountability: 'none',
        pendingApproval: null,
        closedAt: null,
      });
      await expectDurable(added.body);
      expect(ids((await readCase(created.id)).findings).sort()).toEqual([created.findings[0].id, added.body.id].sort());
      const caseLog = await api.get<Page<AuditEntry>>(`/api/v1/audit?entityId=${created.id}`, auditor);
      expect(caseLog.body.items.map((e) => e.type)).toEqual(['CASE_OPENED', 'FINDING_ADDED', 'FINDING_ADDED']);
      expect(caseLog.body.items[2].data).toMatchObject({ findingId: added.body.id });

      // Closing both findings closes the case; then nothing can be added.
      const unit = unitUser(unitId);
      await steps.toClosed(created.findings[0].id, unit);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await readCase(created.id)).status).toBe('OPEN');
      await steps.toClosed(added.body.id, unit);
      await eventually(
        () => readCase(created.id),
        (c) => c.status === 'CLOSED',
      );

      const refused = await api.post(`/api/v1/cases/${created.id}/findings`, findingBody({ unitId }), officer);
      expect(refused.status).toBe(409);
      expectErrorBody(refused.body, 409);
      expect(refused.body['status']).toBe('CLOSED');
      expect((await readCase(created.id)).findings).toHaveLength(2);
    });
  });

  describe('the ledger', () => {
    it('GET /findings filters by status, unitId, overdue, escalationLevel and caseId, and pages', async () => {
      const u = uniqueUnit('LEDGER');
      const v = uniqueUnit('LEDGER');
      await api.registerUnits(u, v);
      const created = await steps.openCase([
        { unitId: u, title: 'f1 assigned' },
        { unitId: u, title: 'f2 plan' },
        { unitId: u, title: 'f3 overdue', dueAt: inMs(2_000) },
        { unitId: u, title: 'f4 rectifying' },
        { unitId: v, title: 'v1 assigned' },
      ]);
      const f = Object.fromEntries(created.findings.map((finding) => [finding.title.split(' ')[0], finding])) as Record<string, Finding>;
      const unit = unitUser(u);
      expect((await steps.plan(f['f2'].id, unit)).status).toBe(200);
      await steps.toRectifying(f['f4'].id, unit);
      await eventually(
        () => read(f['f3'].id),
        (finding) => finding.overdue,
      );

      const list = async (query: string, who = auditor) => {
        const answer = await api.get<Page<Finding>>(`/api/v1/findings?${query}`, who);
        expect(answer.status).toBe(200);
        answer.body.items.forEach((item) => expectFindingShape(item));
        return answer.body;
      };
      const sorted = (page: Page<Finding>) => ({ ids: ids(page.items).sort(), total: page.total });
      const expected = (...names: string[]) => ({ ids: names.map((name) => f[name].id).sort(), total: names.length });

      expect(sorted(await list(`caseId=${created.id}`))).toEqual(expected('f1', 'f2', 'f3', 'f4', 'v1'));
      expect(sorted(await list(`unitId=${u}`))).toEqual(expected('f1', 'f2', 'f3', 'f4'));
      expect(sorted(await list(`unitId=${v}`))).toEqual(expected('v1'));
      expect(sorted(await list(`unitId=${u}&status=ASSIGNED`))).toEqual(expected('f1', 'f3'));
      expect(sorted(await list(`caseId=${created.id}&status=PLAN_SUBMITTED`))).toEqual(expected('f2'));
      expect(sorted(await list(`caseId=${created.id}&status=RECTIFYING`))).toEqual(expected('f4'));
      expect(sorted(await list(`caseId=${created.id}&status=CLOSED`))).toEqual(expected());
      expect(sorted(await list(`caseId=${created.id}&overdue=true`))).toEqual(expected('f3'));
      expect(sorted(await list(`caseId=${created.id}&overdue=false`))).toEqual(expected('f1', 'f2', 'f4', 'v1'));
      expect(sorted(await list(`caseId=${created.id}&escalationLevel=1`))).toEqual(expected('f3'));
      expect(sorted(await list(`caseId=${created.id}&escalationLevel=0`))).toEqual(expected('f1', 'f2', 'f4', 'v1'));
      expect(sorted(await list(`unitId=${u}&overdue=true&escalationLevel=1&status=ASSIGNED&caseId=${created.id}`))).toEqual(expected('f3'));
      const overdueOnes = await list('overdue=true&pageSize=200');
      expect(overdueOnes.items.every((item) => item.overdue)).toBe(true);
      expect((await list('status=RECTIFYING&pageSize=200')).items.every((item) => item.status === 'RECTIFYING')).toBe(true);

      // Pages of two: disjoint slices that add up to the whole, each with the full total.
      const pages = [
        await list(`caseId=${created.id}&pageSize=2&page=1`),
        await list(`caseId=${created.id}&pageSize=2&page=2`),
        await list(`caseId=${created.id}&pageSize=2&page=3`),
      ];
      expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
      expect(pages.map((page) => page.total)).toEqual([5, 5, 5]);
      expect(pages.flatMap((page) => ids(page.items))).toEqual(ids((await list(`caseId=${created.id}`)).items));
      expect(new Set(pages.flatMap((page) => ids(page.items))).size).toBe(5);
      expect(await list(`caseId=${created.id}&pageSize=2&page=4`)).toEqual({ items: [], total: 5 });

      // A unit sees its own only, whatever it asks.
      expect(sorted(await list(`caseId=${created.id}`, unit))).toEqual(expected('f1', 'f2', 'f3', 'f4'));
      expect(sorted(await list(`caseId=${created.id}`, unitUser(v)))).toEqual(expected('v1'));
    });

    it('GET /findings/:id returns the finding with its events in seq order', async () => {
      const unitId = uniqueUnit();
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const finding = await steps.oneFinding(unitId);
      await steps.toRectifying(finding.id, unit);
      expect((await steps.requestExtension(finding.id, unit, inMs(2 * IN_A_DAY))).status).toBe(202);
      for (const who of [officer, supervisor, auditor, unit]) {
        const got = await steps.finding(finding.id, who);
        expect(got.status).toBe(200);
        expectFindingShape(got.body);
        expect(got.body.events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
        expect(eventTypes(got.body)).toEqual(['ASSIGNED', 'PLAN_SUBMITTED', 'PLAN_APPROVED', 'EXTENSION_REQUESTED']);
        expect(got.body.events.map((event) => event.actor)).toEqual([
          'officer-1',
          `unit-user-${unitId}`,
          'supervisor-1',
          `unit-user-${unitId}`,
        ]);
        for (const event of got.body.events) {
          expect(Object.keys(event)).toEqual(expect.arrayContaining(['actor', 'at', 'data', 'seq', 'type']));
          expect(event.at).toMatch(ISO);
          expect(typeof event.data).toBe('object');
        }
        const times = got.body.events.map((event) => Date.parse(event.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    });
  });

  describe('a finding’s life', () => {
    it('plan → return → plan → approve → report → fail (new deadline) → report → pass: CLOSED, the case CLOSED, then the follow-up holds', async () => {
      const unitId = uniqueUnit('LIFE');
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const created = await steps.openCase([{ unitId, dueAt: inMs(IN_A_DAY) }]);
      const id = created.findings[0].id;

      const planned = await steps.plan(id, unit, '方案一');
      expect(planned.status).toBe(200);
      expect(planned.body).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
      await expectDurable(planned.body);

      const returned = await steps.decidePlan(id, 'return', supervisor, '措施不具体');
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ status: 'ASSIGNED', pendingApproval: null });
      await expectDurable(returned.body);

      expect((await steps.plan(id, unit, '方案二')).body).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
      const approved = await steps.decidePlan(id, 'approve', supervisor, '同意');
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'RECTIFYING', pendingApproval: null });
      await expectDurable(approved.body);

      const evidence = [EVIDENCE, { name: '制度文件.pdf', sha256: 'ABCDEF0123456789'.repeat(4), uri: 'https://files.example/2' }];
      const reported = await steps.report(id, unit, evidence, '报告一');
      expect(reported.status).toBe(200);
      expect(reported.body).toMatchObject({ status: 'REPORT_SUBMITTED', pendingApproval: 'verification' });
      await expectDurable(reported.body);

      const newDueAt = inMs(2 * IN_A_DAY);
      const failed = await steps.verify(id, 'fail', supervisor, { comment: '整改不彻底', newDueAt });
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({ status: 'RECTIFYING', pendingApproval: null, dueAt: newDueAt, overdue: false });
      await expectDurable(failed.body);

      expect((await steps.report(id, unit, [EVIDENCE], '报告二')).body).toMatchObject({ status: 'REPORT_SUBMITTED' });
      const passed = await steps.verify(id, 'pass', supervisor2, { comment: '验收通过' });
      expect(passed.status).toBe(200);
      expect(passed.body).toMatchObject({ status: 'CLOSED', pendingApproval: null, overdue: false, dueAt: newDueAt });
      expect(passed.body.closedAt).toMatch(ISO);
      await expectDurable(passed.body);

      const timeline = await read(id);
      expect(eventTypes(timeline).slice(0, 10)).toEqual([
        'ASSIGNED',
        'PLAN_SUBMITTED',
        'PLAN_RETURNED',
        'PLAN_SUBMITTED',
        'PLAN_APPROVED',
        'REPORT_SUBMITTED',
        'VERIFICATION_FAILED',
        'REPORT_SUBMITTED',
        'VERIFICATION_PASSED',
        'CLOSED',
      ]);
      const e = timeline.events;
      const unitActor = `unit-user-${unitId}`;
      expect(e.slice(0, 10).map((event) => event.actor)).toEqual([
        'officer-1',
        unitActor,
        'supervisor-1',
        unitActor,
        'supervisor-1',
        unitActor,
        'supervisor-1',
        unitActor,
        'supervisor-2',
        'supervisor-2',
      ]);
      expect(e[1].data).toMatchObject({ content: '方案一' });
      expect(e[2].data).toMatchObject({ comment: '措施不具体' });
      expect(e[5].data).toMatchObject({ content: '报告一', evidence });
      expect(e[6].data).toMatchObject({ comment: '整改不彻底', newDueAt });
      expect(e[9].at).toBe(passed.body.closedAt);

      // The case's last finding closed: the case is CLOSED, with its own event.
      const closedCase = await eventually(
        () => readCase(created.id),
        (c) => c.status === 'CLOSED',
      );
      expect(closedCase.closedAt).toMatch(ISO);
      expect(Date.parse(closedCase.closedAt as string)).toBeGreaterThanOrEqual(Date.parse(passed.body.closedAt as string));
      const caseLog = await api.get<Page<AuditEntry>>(`/api/v1/audit?entityId=${created.id}`, auditor);
      expect(caseLog.body.items.map((event) => event.type)).toEqual(['CASE_OPENED', 'FINDING_ADDED', 'CASE_CLOSED']);

      // 回头看: due POLICY_FOLLOW_UP_AFTER after close-out; it held.
      const due = await eventually(
        () => read(id),
        (f) => f.pendingApproval === 'followUp',
        15_000,
      );
      expect(due).toMatchObject({ status: 'CLOSED', pendingApproval: 'followUp' });
      const followUpDue = due.events.find((event) => event.type === 'FOLLOW_UP_DUE') as TimelineEvent;
      expect(followUpDue.actor).toBe('system');
      expect(Date.parse(followUpDue.at) - Date.parse(passed.body.closedAt as string)).toBeGreaterThanOrEqual(2_000);
      const held = await steps.followUp(id, 'held', supervisor, { comment: '整改效果巩固' });
      expect(held.status).toBe(200);
      expect(held.body).toMatchObject({ status: 'CLOSED', pendingApproval: null, closedAt: passed.body.closedAt });
      const final = await read(id);
      expect(eventTypes(final).slice(10)).toEqual(['FOLLOW_UP_DUE', 'FOLLOW_UP_HELD']);
      expect(contractFields(final)).toEqual(contractFields(held.body));

      // Done for good: later steps are 409 with the status.
      for (const answer of [
        await steps.followUp(id, 'held'),
        await steps.requestExtension(id, unit, inMs(3 * IN_A_DAY)),
        await steps.plan(id, unit),
        await steps.verify(id, 'pass'),
      ]) {
        expect(answer.status).toBe(409);
        expectErrorBody(answer.body, 409);
        expect(answer.body).toMatchObject({ status: 'CLOSED' });
      }
      expect((await readCase(created.id)).status).toBe('CLOSED');
    });

    it('a follow-up review that finds a relapse reopens the finding with the new deadline, and the case with it', async () => {
      const unitId = uniqueUnit('RELAPSE');
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const created = await steps.openCase([{ unitId }]);
      const id = created.findings[0].id;
      const closed = await steps.toClosed(id, unit);
      expect(closed.status).toBe('CLOSED');
      await eventually(
        () => readCase(created.id),
        (c) => c.status === 'CLOSED',
      );
      await eventually(
        () => read(id),
        (f) => f.pendingApproval === 'followUp',
        15_000,
      );

      const missingDate = await steps.followUp(id, 'relapsed', supervisor, { comment: '问题反弹' });
      expect(missingDate.status).toBe(400);
      expectErrorBody(missingDate.body, 400, /newDueAt/, { code: 'VALIDATION_FAILED', field: 'newDueAt' });

      const newDueAt = inMs(3 * IN_A_DAY);
      const relapsed = await steps.followUp(id, 'relapsed', supervisor, { comment: '问题反弹', newDueAt });
      expect(relapsed.status).toBe(200);
      expect(relapsed.body).toMatchObject({ status: 'RECTIFYING', dueAt: newDueAt, overdue: false, closedAt: null, pendingApproval: null });
      await expectDurable(relapsed.body);
      const timeline = await read(id);
      expect(eventTypes(timeline).slice(-2)).toEqual(['FOLLOW_UP_DUE', 'FOLLOW_UP_RELAPSED']);
      expect(timeline.events.at(-1)?.data).toMatchObject({ newDueAt });

      // All of a case's findings closed is what makes it CLOSED: a reopened one reopens it.
      const reopened = await eventually(
        () => readCase(created.id),
        (c) => c.status === 'OPEN',
      );
      expect(reopened.closedAt).toBeNull();
      expect((await api.get<Page<Case>>('/api/v1/cases?status=OPEN&pageSize=200', auditor)).body.items.map((c) => c.id)).toContain(
        created.id,
      );

      // Rectified again and verified again: closed again, and another follow-up falls due.
      expect((await steps.report(id, unit)).body).toMatchObject({ status: 'REPORT_SUBMITTED' });
      expect((await steps.verify(id, 'pass')).body).toMatchObject({ status: 'CLOSED' });
      await eventually(
        () => readCase(created.id),
        (c) => c.status === 'CLOSED',
      );
      const dueAgain = await eventually(
        () => read(id),
        (f) => f.pendingApproval === 'followUp',
        15_000,
      );
      expect(countOf(dueAgain, 'FOLLOW_UP_DUE')).toBe(2);
    });

    it('an extension request answers 202 pending "extension"; approval moves dueAt, denial keeps it', async () => {
      const unitId = uniqueUnit('EXT');
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const finding = await steps.oneFinding(unitId);
      await steps.toRectifying(finding.id, unit);

      const wanted = inMs(5 * IN_A_DAY);
      const requested = await steps.requestExtension(finding.id, unit, wanted, '需要招标');
      expect(requested.status).toBe(202);
      expect(requested.body).toMatchObject({ pendingApproval: 'extension', dueAt: finding.dueAt, status: 'RECTIFYING' });
      await expectDurable(requested.body);

      const approved = await steps.decideExtension(finding.id, 'approve', supervisor, '同意延期');
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ pendingApproval: null, dueAt: wanted, status: 'RECTIFYING' });
      await expectDurable(approved.body);

      const tooMuch = inMs(30 * IN_A_DAY);
      expect((await steps.requestExtension(finding.id, unit, tooMuch, '再次延期')).body).toMatchObject({ pendingApproval: 'extension' });
      const denied = await steps.decideExtension(finding.id, 'deny', supervisor, '理由不充分');
      expect(denied.status).toBe(200);
      expect(denied.body).toMatchObject({ pendingApproval: null, dueAt: wanted });
      await expectDurable(denied.body);

      const timeline = await read(finding.id);
      expect(eventTypes(timeline).slice(3)).toEqual([
        'EXTENSION_REQUESTED',
        'EXTENSION_APPROVED',
        'EXTENSION_REQUESTED',
        'EXTENSION_DENIED',
      ]);
      expect(timeline.events[3].data).toMatchObject({ requestedDueAt: wanted, reason: '需要招标' });
      expect(timeline.events[4].data).toMatchObject({ dueAt: wanted });
      expect(timeline.events[6].data).toMatchObject({ comment: '理由不充分' });
    });
  });

  describe('approvals, audit, reports', () => {
    it('GET /approvals lists every finding waiting on a supervisor, oldest first', async () => {
      const unitId = uniqueUnit('APR');
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const created = await steps.openCase([
        { unitId, title: 'a' },
        { unitId, title: 'b' },
        { unitId, title: 'c' },
        { unitId, title: 'd' },
      ]);
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((title) => created.findings.find((f) => f.title === title) as Finding);

      await steps.toRectifying(c.id, unit); // c waits on nothing yet
      expect((await steps.plan(a.id, unit)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await steps.requestExtension(b.id, unit, inMs(2 * IN_A_DAY))).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await steps.report(c.id, unit)).status).toBe(200);

      // More than any default page holds: the queue is still every one of them.
      const bulkUnit = uniqueUnit('APRBULK');
      await api.registerUnits(bulkUnit);
      const bulkCases = await Promise.all(
        Array.from({ length: 4 }, () => steps.openCase(Array.from({ length: 14 }, () => ({ unitId: bulkUnit })))),
      );
      const bulk = bulkCases.flatMap((one) => one.findings);
      for (const one of bulkCases) {
        const planned = await Promise.all(one.findings.map((f) => steps.plan(f.id, unitUser(bulkUnit))));
        expect(planned.map((answer) => answer.status)).toEqual(one.findings.map(() => 200));
      }

      const queue = await api.get<{ items: Finding[] }>('/api/v1/approvals', supervisor);
      expect(queue.status).toBe(200);
      queue.body.items.forEach((item) => {
        expectFindingShape(item);
        expect(item.pendingApproval).not.toBeNull();
      });
      const ours = queue.body.items.filter((item) => item.unitId === unitId);
      expect(ours.map((item) => [item.id, item.pendingApproval])).toEqual([
        [a.id, 'plan'],
        [b.id, 'extension'],
        [c.id, 'verification'],
      ]);
      expect(ids(queue.body.items)).not.toContain(d.id);
      const queuedBulk = queue.body.items.filter((item) => item.unitId === bulkUnit);
      expect(ids(queuedBulk).sort()).toEqual(ids(bulk).sort());
      // Oldest first: everything of ours that waited longer comes before the bulk.
      expect(ids(queue.body.items).indexOf(c.id)).toBeLessThan(ids(queue.body.items).indexOf(queuedBulk[0].id));

      // ...and it is the whole set of pending findings in the ledger.
      const everyFinding: Finding[] = [];
      for (let page = 1; ; page++) {
        const listed = await api.get<Page<Finding>>(`/api/v1/findings?page=${page}&pageSize=200`, auditor);
        everyFinding.push(...listed.body.items);
        if (everyFinding.length >= listed.body.total || listed.body.items.length === 0) break;
      }
      expect(ids(queue.body.items).sort()).toEqual(ids(everyFinding.filter((f) => f.pendingApproval !== null)).sort());

      // Decided: gone from the queue.
      await steps.decidePlan(a.id, 'approve');
      const after = await api.get<{ items: Finding[] }>('/api/v1/approvals', supervisor);
      expect(after.body.items.filter((item) => item.unitId === unitId).map((item) => item.id)).toEqual([b.id, c.id]);
    });

    it('GET /audit filters by entityId, type, from and to', async () => {
      const unitId = uniqueUnit('AUD');
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const created = await steps.openCase([{ unitId }, { unitId }]);
      const [one, two] = created.findings;
      await steps.toClosed(one.id, unit);
      expect((await steps.plan(two.id, unit)).status).toBe(200);
      const timeline = (await read(one.id)).events;
      expect(timeline.length).toBeGreaterThanOrEqual(6);

      const audit = async (query: string, who = auditor) => {
        const answer = await api.get<Page<AuditEntry>>(`/api/v1/audit?${query}`, who);
        expect(answer.status).toBe(200);
        return answer.body;
      };
      const asAudit = (events: TimelineEvent[], entityId: string) =>
        events.map(({ seq, type, at, actor, data }) => ({ entityId, seq, type, at, actor, data }));
      // The contract's fields only, oldest first by seq (anything added to an entry is the implementer's).
      const bySeq = (items: AuditEntry[]) =>
        [...items]
          .sort((x, y) => x.seq - y.seq)
          .map(({ entityId, seq, type, at, actor, data }) => ({ entityId, seq, type, at, actor, data }));

      const byEntity = await audit(`entityId=${one.id}&pageSize=200`);
      expect(byEntity.total).toBe(timeline.length);
      expect(bySeq(byEntity.items)).toEqual(asAudit(timeline, one.id));
      expect(Object.keys(byEntity.items[0])).toEqual(expect.arrayContaining(['actor', 'at', 'data', 'entityId', 'seq', 'type']));
      expect(await audit(`entityId=${one.id}&pageSize=200`, supervisor)).toEqual(byEntity);

      const planSubmitted = await audit(`entityId=${two.id}&type=PLAN_SUBMITTED`);
      expect(planSubmitted).toEqual({ items: [expect.objectContaining({ entityId: two.id, type: 'PLAN_SUBMITTED', seq: 2 })], total: 1 });
      const closedEvents = await audit('type=CLOSED&pageSize=200');
      expect(closedEvents.items.every((event) => event.type === 'CLOSED')).toBe(true);
      expect(closedEvents.items.map((event) => event.entityId)).toContain(one.id);
      expect(closedEvents.items.map((event) => event.entityId)).not.toContain(two.id);

      const caseLog = await audit(`entityId=${created.id}`);
      expect(caseLog.items.map((event) => event.type)).toEqual(['CASE_OPENED', 'FINDING_ADDED', 'FINDING_ADDED']);
      expect(caseLog.items.every((event) => event.entityId === created.id)).toBe(true);

      // from/to bound the time, both inclusive.
      const from = timeline[2].at;
      const to = timeline[4].at;
      const inWindow = timeline.filter((event) => event.at >= from && event.at <= to);
      const windowed = await audit(`entityId=${one.id}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      expect(bySeq(windowed.items)).toEqual(asAudit(inWindow, one.id));
      expect(windowed.total).toBe(inWindow.length);
      const fromOnly = await audit(`entityId=${one.id}&from=${encodeURIComponent(from)}&pageSize=200`);
      expect(bySeq(fromOnly.items)).toEqual(
        asAudit(
          timeline.filter((event) => event.at >= from),
          one.id,
        ),
      );
      const toOnly = await audit(`entityId=${one.id}&to=${encodeURIComponent(to)}&pageSize=200`);
      expect(bySeq(toOnly.items)).toEqual(
        asAudit(
          timeline.filter((event) => event.at <= to),
          one.id,
        ),
      );
      expect(await audit(`entityId=${one.id}&from=${encodeURIComponent(inMs(IN_A_DAY))}`)).toEqual({ items: [], total: 0 });
      // A window in another zone's notation is the same instant.
      const local = new Date(Date.parse(from) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
      expect((await audit(`entityId=${one.id}&from=${encodeURIComponent(local)}&pageSize=200`)).total).toBe(fromOnly.total);
      // Everything in a window, across entities.
      const across = await audit(`from=${encodeURIComponent(timeline[0].at)}&type=ASSIGNED&pageSize=200`);
      expect(across.items.map((event) => event.entityId)).toEqual(expect.arrayContaining([one.id, two.id]));

      // Pages.
      const p1 = await audit(`entityId=${one.id}&pageSize=2&page=1`);
      const p2 = await audit(`entityId=${one.id}&pageSize=2&page=2`);
      expect(p1.total).toBe(timeline.length);
      expect(bySeq([...p1.items, ...p2.items])).toEqual(bySeq(byEntity.items.slice(0, 4)));
    });

    it('GET /reports/summary counts what the test made, consistently', async () => {
      const unitId = uniqueUnit('RPT');
      await api.registerUnits(unitId);
      const unit = unitUser(unitId);
      const before = (await api.get<FindingsSummary>('/api/v1/reports/summary', supervisor)).body;

      const created = await steps.openCase([
        { unitId, title: 'closed' },
        { unitId, title: 'late', dueAt: inMs(1_500) },
        { unitId, title: 'waiting' },
        { unitId, title: 'planned' },
      ]);
      const byTitle = (title: string) => created.findings.find((f) => f.title === title) as Finding;
      await steps.toClosed(byTitle('closed').id, unit);
      expect((await steps.plan(byTitle('planned').id, unit)).status).toBe(200);
      await eventually(
        () => read(byTitle('late').id),
        (f) => f.overdue,
      );

      for (const who of [officer, supervisor, auditor]) {
        const answer = await api.get<FindingsSummary>('/api/v1/reports/summary', who);
        expect(answer.status).toBe(200);
        const s = answer.body;
        // This test's unit, exactly.
        expect(s.byUnit.filter((row) => row.unitId === unitId)).toEqual([{ unitId, total: 4, closed: 1, overdue: 1 }]);
        // What changed since the test began: only what it made (other findings change state only through steps).
        expect(s.findings.total - before.findings.total).toBe(4);
        expect(s.findings.byStatus['CLOSED'] - before.findings.byStatus['CLOSED']).toBe(1);
        expect(s.findings.byStatus['ASSIGNED'] - before.findings.byStatus['ASSIGNED']).toBe(2);
        expect(s.findings.byStatus['PLAN_SUBMITTED'] - before.findings.byStatus['PLAN_SUBMITTED']).toBe(1);
        expect(s.findings.byStatus['RECTIFYING'] - before.findings.byStatus['RECTIFYING']).toBe(0);
        expect(s.findings.byStatus['REPORT_SUBMITTED'] - before.findings.byStatus['REPORT_SUBMITTED']).toBe(0);
        // Internally consistent.
        expect(Object.keys(s.findings.byStatus).sort()).toEqual([
          'ASSIGNED',
          'CLOSED',
          'DRAFT',
          'PLAN_SUBMITTED',
          'RECTIFYING',
          'REPORT_SUBMITTED',
        ]);
        expect(sum(Object.values(s.findings.byStatus))).toBe(s.findings.total);
        expect(sum(Object.values(s.findings.byEscalationLevel))).toBe(s.findings.total);
        expect(sum(s.byUnit.map((row) => row.total))).toBe(s.findings.total);
        expect(sum(s.byUnit.map((row) => row.closed))).toBe(s.findings.byStatus['CLOSED']);
        expect(sum(s.byUnit.map((row) => row.overdue))).toBe(s.findings.overdue);
        expect(s.rectificationRate).toBeCloseTo(s.findings.byStatus['CLOSED'] / s.findings.total, 4);
        expect(s.rectificationRate).toBeGreaterThanOrEqual(0);
        expect(s.rectificationRate).toBeLessThanOrEqual(1);
        // The same numbers the ledger gives.
        const ledger = await api.get<Page<Finding>>('/api/v1/findings?pageSize=1', auditor);
        expect(ledger.body.total).toBe(s.findings.total);
        const overdueLedger = await api.get<Page<Finding>>('/api/v1/findings?overdue=true&pageSize=1', auditor);
        expect(overdueLedger.body.total).toBe(s.findings.overdue);
      }
    });
  });

  describe('Idempotency-Key on POST /cases', () => {
    it('the same key and body return the same case, never a second; another body is a 409', async () => {
      const key = uniqueText('key').replace(' ', '-');
      const units = [uniqueUnit(), uniqueUnit()];
      await api.registerUnits(...units);
      const body = caseBody(units.map((unitId) => ({ unitId })));
      const first = await api.post<Case>('/api/v1/cases', body, { ...officer, 'Idempotency-Key': key });
      expect(first.status).toBe(201);

      // The same body with its keys in another order is the same request.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      for (const again of [body, reordered]) {
        const replay = await api.post<Case>('/api/v1/cases', again, { ...officer, 'Idempotency-Key': key });
        expect([200, 201]).toContain(replay.status);
        expect(replay.body).toMatchObject({ id: first.body.id, code: first.body.code, status: 'OPEN' });
        expect(ids(replay.body.findings).sort()).toEqual(ids(first.body.findings).sort());
      }

      const other = await api.post('/api/v1/cases', { ...body, title: `${body.title} (changed)` }, { ...officer, 'Idempotency-Key': key });
      expect(other.status).toBe(409);
      expectErrorBody(other.body, 409, /Idempotency-Key/);

      const cases = await allCases();
      expect(cases.filter((c) => c.title === body.title)).toHaveLength(1);
      expect(cases.filter((c) => c.title === `${body.title} (changed)`)).toHaveLength(0);
      expect((await api.get<Page<Finding>>(`/api/v1/findings?caseId=${first.body.id}`, auditor)).body.total).toBe(2);
    });

    it('five concurrent replays of a new key open one case', async () => {
      const key = uniqueText('concurrent').replace(' ', '-');
      const units = [uniqueUnit(), uniqueUnit(), uniqueUnit()];
      await api.registerUnits(...units);
      const body = caseBody(units.map((unitId) => ({ unitId })));
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => api.post<Case>('/api/v1/cases', body, { ...officer, 'Idempotency-Key': key })),
      );
      for (const answer of answers) {
        expect([200, 201]).toContain(answer.status);
        expect(answer.body.code).toMatch(CASE_CODE);
        answer.body.findings.forEach((f) => expectFindingShape(f));
      }
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
      expect(new Set(answers.map((answer) => answer.body.code)).size).toBe(1);
      expect(new Set(answers.map((answer) => ids(answer.body.findings).sort().join()))).toEqual(
        new Set([ids(answers[0].body.findings).sort().join()]),
      );

      const id = answers[0].body.id;
      const cases = await allCases();
      expect(cases.filter((c) => c.title === body.title).map((c) => c.id)).toEqual([id]);
      const stored = await readCase(id);
      expect(ids(stored.findings).sort()).toEqual(ids(answers[0].body.findings).sort());
      expect((await api.get<Page<Finding>>(`/api/v1/findings?caseId=${id}`, auditor)).body.total).toBe(3);
      const caseLog = await api.get<Page<AuditEntry>>(`/api/v1/audit?entityId=${id}`, auditor);
      expect(caseLog.body.items.map((event) => event.type)).toEqual(['CASE_OPENED', 'FINDING_ADDED', 'FINDING_ADDED', 'FINDING_ADDED']);

      // And a replay afterwards still finds it.
      const late = await api.post<Case>('/api/v1/cases', body, { ...officer, 'Idempotency-Key': key });
      expect([200, 201]).toContain(late.status);
      expect(late.body.id).toBe(id);
    });
  });
});
