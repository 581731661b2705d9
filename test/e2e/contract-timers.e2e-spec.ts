import { eventually } from '../support/http';
import {
  Api,
  countOf,
  eventTypes,
  expectErrorBody,
  expectFindingShape,
  IN_A_DAY,
  inMs,
  Steps,
  supervisor,
  uniqueUnit,
  unitUser,
  type Finding,
  type FindingWithEvents,
  type Page,
  type TimelineEvent,
  expectNoServerErrorsInEachTest,
} from '../support/contract';
import { Stack } from '../support/stack';

const STEP_MS = 2_000;
const REMIND_BEFORE_MS = 1_000;
const APPROVAL_SLA_MS = 3_000;
const PLAN_DUE_MS = 4_000;
/** Timers fire on the worker's clock and are projected a moment later; this much lateness is allowed. */
const SLACK_MS = 2_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (iso: string) => Date.parse(iso);
const ofType = (finding: { events: TimelineEvent[] }, type: string) => finding.events.filter((event) => event.type === type);

describe('HTTP contract: durable timers (embedded PostgreSQL, policies of seconds)', () => {
  let stack: Stack;
  let api: Api;
  let steps: Steps;

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        POLICY_ESCALATION_STEP: 'PT2S',
        POLICY_REMIND_BEFORE: 'PT1S',
        POLICY_APPROVAL_SLA: 'PT3S',
        POLICY_PLAN_DUE: 'PT4S',
        POLICY_FOLLOW_UP_AFTER: 'PT2S',
      },
    });
    api = new Api(stack.url(''));
    steps = new Steps(api);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  expectNoServerErrorsInEachTest(() => api);

  const read = async (id: string): Promise<FindingWithEvents> => {
    const response = await steps.finding(id);
    expect(response.status).toBe(200);
    return response.body;
  };
  const until = (id: string, accept: (finding: FindingWithEvents) => boolean, timeoutMs = 20_000) =>
    eventually(() => read(id), accept, timeoutMs);

  it('escalates an overdue finding 督办 → 约谈 → 问责 and stops at level 3; accountability is then referred or rejected once', async () => {
    const unitA = uniqueUnit('ESC');
    const unitB = uniqueUnit('ESC');
    await api.registerUnits(unitA, unitB);
    const dueAt = inMs(3_000);
    const opened = await steps.openCase([
      { unitId: unitA, dueAt },
      { unitId: unitB, dueAt },
    ]);
    const [a, b] = [opened.findings.find((f) => f.unitId === unitA) as Finding, opened.findings.find((f) => f.unitId === unitB) as Finding];
    expect(a).toMatchObject({ overdue: false, escalationLevel: 0, accountability: 'none', pendingApproval: null });

    // Watch the ladder: the level observed never goes down, and passes through 1 on its way to 3.
    const observed: number[] = [];
    const atThree = await eventually(
      async () => {
        const finding = await read(a.id);
        observed.push(finding.escalationLevel);
        return finding;
      },
      (finding) => finding.escalationLevel === 3,
      20_000,
    );
    expect(observed).toEqual([...observed].sort());
    expect(observed.filter((level) => level > 0)[0]).toBe(1);
    expect(atThree).toMatchObject({ status: 'ASSIGNED', overdue: true, accountability: 'proposed', pendingApproval: 'accountability' });
    expectFindingShape(atThree);

    // One step and two steps later, nothing moves past 3.
    await sleep(2 * STEP_MS + 500);
    for (const id of [a.id, b.id]) {
      const finding = await read(id);
      expect(finding).toMatchObject({ escalationLevel: 3, overdue: true, accountability: 'proposed', pendingApproval: 'accountability' });
      expect(countOf(finding, 'OVERDUE')).toBe(1);
      expect(ofType(finding, 'ESCALATED').map((event) => event.data['level'])).toEqual([1, 2, 3]);
      expect(countOf(finding, 'REMINDER_SENT')).toBe(1);

      // In order: the reminder before the deadline, the miss at the deadline, a level per step.
      const types = eventTypes(finding);
      expect(types.indexOf('REMINDER_SENT')).toBeLessThan(types.indexOf('OVERDUE'));
      const [reminder] = ofType(finding, 'REMINDER_SENT');
      expect(reminder.data['dueAt']).toBe(dueAt);
      expect(ms(reminder.at)).toBeGreaterThanOrEqual(ms(dueAt) - REMIND_BEFORE_MS);
      expect(ms(reminder.at)).toBeLessThan(ms(dueAt));
      const [overdue] = ofType(finding, 'OVERDUE');
      expect(ms(overdue.at)).toBeGreaterThanOrEqual(ms(dueAt));
      ofType(finding, 'ESCALATED').forEach((event, rung) => {
        expect(ms(event.at)).toBeGreaterThanOrEqual(ms(dueAt) + rung * STEP_MS);
        expect(ms(event.at)).toBeLessThan(ms(dueAt) + rung * STEP_MS + SLACK_MS);
      });
      expect(finding.events.map((event) => event.seq)).toEqual(finding.events.map((_, i) => i + 1));
    }

    // The ledger filters see them.
    const level3 = await api.get<Page<Finding>>(`/api/v1/findings?unitId=${unitA}&escalationLevel=3&overdue=true`, supervisor);
    expect(level3.body).toEqual({ items: [expect.objectContaining({ id: a.id })], total: 1 });
    const queue = await api.get<Page<Finding>>('/api/v1/approvals?pageSize=200', supervisor);
    expect(queue.body.items.filter((f) => f.id === a.id || f.id === b.id).map((f) => f.pendingApproval)).toEqual([
      'accountability',
      'accountability',
    ]);

    // 问责: one referral approved, the other rejected with a reason.
    const referred = await steps.decideAccountability(a.id, 'refer', supervisor, '移送问责');
    expect(referred.status).toBe(200);
    expect(referred.body).toMatchObject({
      accountability: 'referred',
      pendingApproval: null,
      escalationLevel: 3,
      overdue: true,
      status: 'ASSIGNED',
    });
    const rejected = await steps.decideAccountability(b.id, 'reject', supervisor, '情节轻微，不予问责');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ accountability: 'rejected', pendingApproval: null, escalationLevel: 3 });

    // Deciding again, when nothing is proposed: 409 with the finding's status.
    for (const id of [a.id, b.id]) {
      const again = await steps.decideAccountability(id, 'refer');
      expect(again.status).toBe(409);
      expectErrorBody(again.body, 409);
      expect(again.body).toMatchObject({ status: 'ASSIGNED' });
    }
    const afterA = await read(a.id);
    expect(afterA).toMatchObject({ accountability: 'referred', escalationLevel: 3 });
    expect(countOf(afterA, 'ACCOUNTABILITY_REFERRED')).toBe(1);
    expect(ofType(afterA, 'ACCOUNTABILITY_REFERRED')[0].actor).toBe('supervisor-1');
    const afterB = await read(b.id);
    expect(ofType(afterB, 'ACCOUNTABILITY_REJECTED')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ comment: '情节轻微，不予问责' }) }),
    ]);

    // Escalation never closes a finding: the unit still has to rectify.
    expect((await steps.plan(a.id, unitUser(unitA))).body).toMatchObject({ status: 'PLAN_SUBMITTED', escalationLevel: 3, overdue: true });
  });

  it('an overdue finding whose extension request waits does not climb until the denial, then one step after it', async () => {
    const unitId = uniqueUnit('EXT');
    await api.registerUnits(unitId);
    const unit = unitUser(unitId);
    const dueAt = inMs(3_000);
    const opened = await steps.openCase([
      { unitId, dueAt, title: '先申请延期' },
      { unitId, dueAt, title: '逾期后申请延期' },
    ]);
    const byTitle = (title: string) => opened.findings.find((f) => f.title === title) as Finding;
    const [early, late] = [byTitle('先申请延期'), byTitle('逾期后申请延期')];

    // One asks before its deadline, the other once it is overdue at level 1.
    expect((await steps.requestExtension(early.id, unit, inMs(IN_A_DAY))).status).toBe(202);
    await until(late.id, (f) => f.escalationLevel === 1, 10_000);
    expect((await steps.requestExtension(late.id, unit, inMs(IN_A_DAY))).status).toBe(202);

    // Two whole steps past the deadline: overdue, but neither climbs while its request waits.
    await sleep(Math.max(0, ms(dueAt) - Date.now()) + 2 * STEP_MS + 500);
    const [earlyWaiting, lateWaiting] = [await read(early.id), await read(late.id)];
    expect(earlyWaiting).toMatchObject({ overdue: true, escalationLevel: 0, pendingApproval: 'extension' });
    expect(countOf(earlyWaiting, 'OVERDUE')).toBe(1);
    expect(countOf(earlyWaiting, 'ESCALATED')).toBe(0);
    expect(lateWaiting).toMatchObject({ overdue: true, escalationLevel: 1, pendingApproval: 'extension' });
    expect(countOf(lateWaiting, 'ESCALATED')).toBe(1);

    // Denied: each climbs one rung, one step after its denial, and no more until the next step.
    for (const [finding, level] of [
      [early, 1],
      [late, 2],
    ] as const) {
      const denied = await steps.decideExtension(finding.id, 'deny', supervisor, '理由不充分');
      expect(denied.status).toBe(200);
      expect(denied.body).toMatchObject({ overdue: true, escalationLevel: level - 1, pendingApproval: null });
      const climbed = await until(finding.id, (f) => f.escalationLevel >= level, 10_000);
      const deniedAt = ms(ofType(climbed, 'EXTENSION_DENIED')[0].at);
      const rung = ofType(climbed, 'ESCALATED').at(-1) as TimelineEvent;
      expect(rung.data['level']).toBe(level);
      expect(ms(rung.at) - deniedAt).toBeGreaterThanOrEqual(STEP_MS);
      expect(ms(rung.at) - deniedAt).toBeLessThan(STEP_MS + SLACK_MS);
      expect(ofType(climbed, 'ESCALATED').map((event) => event.data['level'])).toEqual(level === 1 ? [1] : [1, 2]);
    }
  });

  it('a decision on a finding whose accountability was never proposed is a 409', async () => {
    const unitId = uniqueUnit();
    await api.registerUnits(unitId);
    const finding = await steps.oneFinding(unitId);
    const answer = await steps.decideAccountability(finding.id, 'reject', supervisor, '无');
    expect(answer.status).toBe(409);
    expectErrorBody(answer.body, 409);
    expect(answer.body).toMatchObject({ status: 'ASSIGNED' });
  });

  it('a report submitted before the deadline stops the clock; a failed verification without a new date is overdue at once', async () => {
    const unitId = uniqueUnit('CLK');
    await api.registerUnits(unitId);
    const unit = unitUser(unitId);
    const dueAt = inMs(4_000);
    const finding = await steps.oneFinding(unitId, { dueAt });
    await steps.toRectifying(finding.id, unit);
    const reported = await steps.report(finding.id, unit);
    expect(reported.status).toBe(200);
    expect(Date.now()).toBeLessThan(ms(dueAt));

    // Past the deadline and a whole escalation step more: still waiting, not overdue.
    await sleep(Math.max(0, ms(dueAt) - Date.now()) + STEP_MS + 1_000);
    const waiting = await read(finding.id);
    expect(waiting).toMatchObject({ status: 'REPORT_SUBMITTED', overdue: false, escalationLevel: 0, pendingApproval: 'verification' });
    expect(eventTypes(waiting)).not.toContain('OVERDUE');
    expect(eventTypes(waiting)).not.toContain('ESCALATED');
    const overdueList = await api.get<Page<Finding>>(`/api/v1/findings?unitId=${unitId}&overdue=true`, supervisor);
    expect(overdueList.body.total).toBe(0);

    // Failed without a new date: the old deadline has passed, so overdue at once, level 1.
    const failed = await steps.verify(finding.id, 'fail', supervisor, { comment: '证据不足' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'RECTIFYING', overdue: true, escalationLevel: 1, dueAt });
    const afterFail = await read(finding.id);
    expect(eventTypes(afterFail).slice(-3)).toEqual(['VERIFICATION_FAILED', 'OVERDUE', 'ESCALATED']);

    // ...and the ladder goes on from there, one step later.
    await until(finding.id, (f) => f.escalationLevel === 2, 10_000);

    // An approved extension moves the deadline: no longer overdue, the level reached is kept.
    const newDueAt = inMs(IN_A_DAY);
    expect((await steps.requestExtension(finding.id, unit, newDueAt)).status).toBe(202);
    const moved = await steps.decideExtension(finding.id, 'approve');
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dueAt: newDueAt, overdue: false, pendingApproval: null });
    expect(moved.body.escalationLevel).toBeGreaterThanOrEqual(2);
    const level = moved.body.escalationLevel;
    await sleep(STEP_MS + 500);
    expect(await read(finding.id)).toMatchObject({ overdue: false, escalationLevel: level, dueAt: newDueAt });
  });

  it('a moved deadline re-arms the reminder: one REMINDER_SENT per deadline', async () => {
    const unitId = uniqueUnit('REM');
    await api.registerUnits(unitId);
    const unit = unitUser(unitId);
    const firstDue = inMs(2_500);
    const finding = await steps.oneFinding(unitId, { dueAt: firstDue });
    await until(finding.id, (f) => countOf(f, 'REMINDER_SENT') === 1, 10_000);

    const secondDue = inMs(4_000);
    expect((await steps.requestExtension(finding.id, unit, secondDue)).status).toBe(202);
    expect((await steps.decideExtension(finding.id, 'approve')).body).toMatchObject({ dueAt: secondDue, overdue: false });

    const missed = await until(finding.id, (f) => f.overdue && ofType(f, 'OVERDUE').some((e) => ms(e.at) >= ms(secondDue)), 15_000);
    const reminders = ofType(missed, 'REMINDER_SENT');
    expect(reminders.map((event) => event.data['dueAt'])).toEqual([firstDue, secondDue]);
    await sleep(1_000);
    expect(countOf(await read(finding.id), 'REMINDER_SENT')).toBe(2);
  });

  it('a decision pending longer than POLICY_APPROVAL_SLA raises APPROVAL_OVERDUE once', async () => {
    const unitId = uniqueUnit('SLA');
    await api.registerUnits(unitId);
    const finding = await steps.oneFinding(unitId);
    const planned = await steps.plan(finding.id, unitUser(unitId));
    expect(planned.body).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
    const submittedAt = ms((await read(finding.id)).events.find((event) => event.type === 'PLAN_SUBMITTED')?.at as string);

    const late = await until(finding.id, (f) => countOf(f, 'APPROVAL_OVERDUE') > 0, 15_000);
    const [event] = ofType(late, 'APPROVAL_OVERDUE');
    expect(event.data).toMatchObject({ pendingApproval: 'plan' });
    expect(event.actor).toBe('system');
    expect(ms(event.at) - submittedAt).toBeGreaterThanOrEqual(APPROVAL_SLA_MS);
    expect(ms(event.at) - submittedAt).toBeLessThan(APPROVAL_SLA_MS + SLACK_MS);
    // It is a notice, not a decision: the plan still waits.
    expect(late).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });

    await sleep(APPROVAL_SLA_MS + 500);
    expect(countOf(await read(finding.id), 'APPROVAL_OVERDUE')).toBe(1);
    const audit = await api.get<Page<{ entityId: string }>>(`/api/v1/audit?entityId=${finding.id}&type=APPROVAL_OVERDUE`, supervisor);
    expect(audit.body.total).toBe(1);
  });

  it('PLAN_OVERDUE when no plan is in by POLICY_PLAN_DUE, re-armed when a plan is returned, never when one is in time', async () => {
    const unitId = uniqueUnit('PLN');
    await api.registerUnits(unitId);
    const unit = unitUser(unitId);
    const opened = await steps.openCase([
      { unitId, title: '无方案' },
      { unitId, title: '按时方案' },
      { unitId, title: '退回方案' },
    ]);
    const byTitle = (title: string) => opened.findings.find((f) => f.title === title) as Finding;
    const [silent, onTime, returned] = [byTitle('无方案'), byTitle('按时方案'), byTitle('退回方案')];
    const createdAt = ms(silent.createdAt);

    expect((await steps.plan(onTime.id, unit)).status).toBe(200);
    expect((await steps.plan(returned.id, unit)).status).toBe(200);
    const back = await steps.decidePlan(returned.id, 'return', supervisor, '措施不具体');
    expect(back.body).toMatchObject({ status: 'ASSIGNED', pendingApproval: null });
    const returnedAt = ms((await read(returned.id)).events.find((event) => event.type === 'PLAN_RETURNED')?.at as string);

    const overdue = await until(silent.id, (f) => countOf(f, 'PLAN_OVERDUE') > 0, 15_000);
    const [event] = ofType(overdue, 'PLAN_OVERDUE');
    expect(ms(event.at) - createdAt).toBeGreaterThanOrEqual(PLAN_DUE_MS);
    expect(ms(event.at) - createdAt).toBeLessThan(PLAN_DUE_MS + SLACK_MS);
    expect(overdue).toMatchObject({ status: 'ASSIGNED', overdue: false, escalationLevel: 0 });

    const rearmed = await until(returned.id, (f) => countOf(f, 'PLAN_OVERDUE') > 0, 15_000);
    const [again] = ofType(rearmed, 'PLAN_OVERDUE');
    expect(ms(again.at) - returnedAt).toBeGreaterThanOrEqual(PLAN_DUE_MS);

    await sleep(1_500);
    expect(countOf(await read(silent.id), 'PLAN_OVERDUE')).toBe(1);
    expect(countOf(await read(returned.id), 'PLAN_OVERDUE')).toBe(1);
    expect(eventTypes(await read(onTime.id))).not.toContain('PLAN_OVERDUE');
  });
});
