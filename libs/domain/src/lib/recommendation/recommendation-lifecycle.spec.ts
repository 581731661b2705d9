import { FAILURE_TYPES, type RecommendationCommand, type RecommendationSeed } from '@reform/contracts';
import { FindingLifecycle } from '../finding/finding-lifecycle';
import { assignedState } from '../finding/finding-state';
import { DAY, OFFICER, POLICY, SUPERVISOR, SUPERVISOR_2, T0, UNIT, day, iso, seed as findingSeed } from '../finding/finding-test-kit';
import { Rejection } from '../finding/rejection';
import { RecommendationLifecycle } from './recommendation-lifecycle';
import { draftedEvent, draftedState, draftFindingRecords } from './recommendation-state';

const REPLY_DUE = day(20);

function recommendationSeed(items = 2): RecommendationSeed {
  return {
    id: 'rec-1',
    caseId: 'case-1',
    unitId: 'U1',
    trackingOfficeId: 'OFF-1',
    title: '关于加强工程项目监管的纪检监察建议',
    causeAnalysis: '制度执行不严',
    measures: '完善制度',
    replyDueAt: iso(REPLY_DUE),
    draftedBy: OFFICER,
    createdAt: iso(T0),
    findings: Array.from({ length: items }, (_, i) => ({ ...findingSeed({ id: `f${i + 1}` }), recommendationId: 'rec-1' })),
  };
}

const cmd = {
  submit: (actor = OFFICER): RecommendationCommand => ({ type: 'submit', actor }),
  approve: (actor = SUPERVISOR): RecommendationCommand => ({ type: 'signOff', decision: 'approve', comment: '同意印发', actor }),
  return: (actor = SUPERVISOR): RecommendationCommand => ({ type: 'signOff', decision: 'return', comment: '成因不深', actor }),
  receipt: (actor = UNIT): RecommendationCommand => ({ type: 'signReceipt', signedBy: '张局长', statement: '坚决落实', actor }),
  reply: (plans: string[], actor = UNIT): RecommendationCommand => ({
    type: 'reply',
    content: '逐项整改',
    signedBy: '张局长',
    plans: plans.map((findingId) => ({ findingId, content: `方案 ${findingId}` })),
    actor,
  }),
};

const DOCUMENT = { documentId: 'doc-1', docNo: '纪建〔2026〕1号' };

function drafted(items = 2) {
  const seed = recommendationSeed(items);
  return new RecommendationLifecycle(draftedState(seed, OFFICER.id), POLICY);
}

/** Submitted at day 1, approved and issued at day 2. */
function issued(items = 2) {
  const lifecycle = drafted(items);
  lifecycle.apply(cmd.submit(), day(1));
  lifecycle.apply(cmd.approve(), day(2));
  return { lifecycle, issue: lifecycle.issued(DOCUMENT) };
}

const types = (effects: { events: Array<{ type: string }> }) => effects.events.map((event) => event.type);
const rejection = (run: () => unknown): Rejection => {
  try {
    run();
  } catch (error) {
    if (error instanceof Rejection) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a recommendation (纪检监察建议书)', () => {
  describe('draft', () => {
    it('starts DRAFT with RECOMMENDATION_DRAFTED (seq 1) and its findings as DRAFT rows of version 0', () => {
      const seed = recommendationSeed();
      expect(draftedEvent(seed)).toMatchObject({ entityType: 'recommendation', seq: 1, type: 'RECOMMENDATION_DRAFTED', actor: OFFICER.id });
      expect(
        draftFindingRecords(seed, OFFICER.id).map(({ status, version, recommendationId }) => ({ status, version, recommendationId })),
      ).toEqual([
        { status: 'DRAFT', version: 0, recommendationId: 'rec-1' },
        { status: 'DRAFT', version: 0, recommendationId: 'rec-1' },
      ]);
      const lifecycle = drafted();
      expect(lifecycle.view()).toMatchObject({
        status: 'DRAFT',
        docNo: null,
        findingIds: ['f1', 'f2'],
        overdue: { receipt: false, reply: false },
      });
      expect(lifecycle.nextWakeAt()).toBeNull();
    });

    it('is edited only while DRAFT, with an event naming only what changed, and a reply deadline ahead', () => {
      const lifecycle = drafted();
      const edit = (fields: Record<string, string>, at = day(1)) => lifecycle.apply({ type: 'edit', ...fields, actor: OFFICER }, at);
      const effects = edit({ title: lifecycle.state.title, measures: '新的整改建议' });
      expect(effects.events).toEqual([expect.objectContaining({ type: 'RECOMMENDATION_EDITED', data: { measures: '新的整改建议' } })]);
      expect(types(edit({ title: lifecycle.state.title }))).toEqual([]);
      expect(rejection(() => edit({ replyDueAt: iso(day(0)) })).details).toEqual({ field: 'replyDueAt', rule: 'notInFuture' });
      lifecycle.apply(cmd.submit(), day(1));
      expect(rejection(() => edit({ measures: 'x' })).failureType).toBe(FAILURE_TYPES.stepNotAllowed);
    });
  });

  describe('submit and sign-off', () => {
    it('submits a draft, refusing one whose reply deadline has passed', () => {
      const late = drafted();
      expect(rejection(() => late.apply(cmd.submit(), REPLY_DUE)).details).toEqual({ field: 'replyDueAt', rule: 'notInFuture' });
      const lifecycle = drafted();
      expect(types(lifecycle.apply(cmd.submit(), day(1)))).toEqual(['RECOMMENDATION_SUBMITTED']);
      expect(lifecycle.view()).toMatchObject({ status: 'PENDING_SIGNOFF', submittedAt: iso(day(1)) });
      expect(rejection(() => lifecycle.check(cmd.submit(), day(1))).failureType).toBe(FAILURE_TYPES.stepNotAllowed);
    });

    it('refuses the sign-off of its drafter or submitter (回避), and any sign-off of a draft', () => {
      const lifecycle = drafted();
      expect(rejection(() => lifecycle.check(cmd.approve(), day(1))).failureType).toBe(FAILURE_TYPES.stepNotAllowed);
      lifecycle.apply(cmd.submit(SUPERVISOR_2), day(1));
      expect(rejection(() => lifecycle.check(cmd.approve(OFFICER), day(1))).failureType).toBe(FAILURE_TYPES.recusal);
      expect(rejection(() => lifecycle.check(cmd.approve(SUPERVISOR_2), day(1))).failureType).toBe(FAILURE_TYPES.recusal);
      expect(() => lifecycle.check(cmd.approve(SUPERVISOR), day(1))).not.toThrow();
    });

    it('returns to DRAFT with the comment, and may be submitted again', () => {
      const lifecycle = drafted();
      lifecycle.apply(cmd.submit(), day(1));
      expect(types(lifecycle.apply(cmd.return(), day(2)))).toEqual(['RECOMMENDATION_RETURNED']);
      expect(lifecycle.view()).toMatchObject({ status: 'DRAFT', returnComment: '成因不深', submittedAt: null });
      expect(types(lifecycle.apply(cmd.submit(), day(3)))).toEqual(['RECOMMENDATION_SUBMITTED']);
    });

    it('on approval only starts the issue: nothing else is allowed until its document is frozen', () => {
      const lifecycle = drafted();
      lifecycle.apply(cmd.submit(), day(1));
      expect(types(lifecycle.apply(cmd.approve(), day(2)))).toEqual([]);
      expect(lifecycle.view().status).toBe('PENDING_SIGNOFF');
      expect(rejection(() => lifecycle.check(cmd.approve(SUPERVISOR_2), day(2))).message).toContain('being issued');
      expect(rejection(() => lifecycle.check(cmd.receipt(), day(2))).failureType).toBe(FAILURE_TYPES.stepNotAllowed);
      expect(lifecycle.documentRequest()).toMatchObject({
        kind: 'recommendation',
        sourceKey: 'rec-1:issue',
        recipientUnitId: 'U1',
        issuerOrgUnitId: 'OFF-1',
        issuedAt: iso(day(2)),
        causeAnalysis: '制度执行不严',
        measures: '完善制度',
        replyDueAt: iso(REPLY_DUE),
      });
      // Its sign-off SLA no longer runs while it is issued.
      expect(lifecycle.nextWakeAt()).toBeNull();
    });

    it('is ISSUED with its number, tells its unit, and assigns its findings at issue with their plans due at the reply deadline', () => {
      const { lifecycle, issue } = issued();
      expect(lifecycle.view()).toMatchObject({
        status: 'ISSUED',
        docNo: DOCUMENT.docNo,
        documentId: DOCUMENT.documentId,
        issuedAt: iso(day(2)),
        receiptDueAt: iso(day(2) + POLICY.receiptDueMs),
      });
      expect(types(issue)).toEqual(['RECOMMENDATION_ISSUED', 'ASSIGNED', 'ASSIGNED']);
      expect(issue.events[0]).toMatchObject({ actor: SUPERVISOR.id, data: { docNo: DOCUMENT.docNo, comment: '同意印发' } });
      expect(issue.notifications).toEqual([
        expect.objectContaining({
          kind: 'RECOMMENDATION_ISSUED',
          recommendationId: 'rec-1',
          findingId: null,
          recipient: { kind: 'unit', unitId: 'U1' },
        }),
      ]);
      expect(issue.findings.map(({ assignedAt, planDueAt, recommendationId }) => ({ assignedAt, planDueAt, recommendationId }))).toEqual([
        { assignedAt: iso(day(2)), planDueAt: iso(REPLY_DUE), recommendationId: 'rec-1' },
        { assignedAt: iso(day(2)), planDueAt: iso(REPLY_DUE), recommendationId: 'rec-1' },
      ]);
      expect(issue.events[1]).toMatchObject({
        entityId: 'f1',
        seq: 1,
        at: iso(day(2)),
        data: { recommendationId: 'rec-1', planDueAt: iso(REPLY_DUE) },
      });
      expect(issue.findingRecords.map(({ status, version, updatedAt }) => ({ status, version, updatedAt }))).toEqual([
        { status: 'ASSIGNED', version: 1, updatedAt: iso(day(2)) },
        { status: 'ASSIGNED', version: 1, updatedAt: iso(day(2)) },
      ]);
    });
  });

  describe('receipt and reply', () => {
    it('is signed for only when ISSUED, once', () => {
      const { lifecycle } = issued();
      expect(rejection(() => lifecycle.check(cmd.reply(['f1', 'f2']), day(3))).message).toContain('signed for');
      expect(types(lifecycle.apply(cmd.receipt(), day(3)))).toEqual(['RECEIPT_SIGNED']);
      expect(lifecycle.view().receipt).toEqual({ signedBy: '张局长', statement: '坚决落实', signedAt: iso(day(3)), actor: UNIT.id });
      expect(rejection(() => lifecycle.check(cmd.receipt(), day(3))).message).toContain('has been signed for');
    });

    it('takes a reply only with one plan for every finding, naming what is wrong', () => {
      const { lifecycle } = issued(3);
      lifecycle.apply(cmd.receipt(), day(3));
      const field = (plans: RecommendationCommand) => rejection(() => lifecycle.check(plans, day(4)));
      const missing = field(cmd.reply(['f1']));
      expect(missing.details).toEqual({ field: 'plans', rule: 'required' });
      expect(missing.message).toContain('f2, f3');
      expect(field(cmd.reply(['f1', 'f2', 'f3', 'f9'])).details).toEqual({ field: 'plans[3].findingId', rule: 'unknownReference' });
      expect(field(cmd.reply(['f1', 'f1', 'f2', 'f3'])).details).toEqual({ field: 'plans[1].findingId', rule: 'duplicate' });
      const blank: RecommendationCommand = {
        ...cmd.reply(['f1', 'f2', 'f3']),
        plans: [{ findingId: 'f1', content: ' ' }],
      } as RecommendationCommand;
      expect(field(blank).details).toEqual({ field: 'plans[0].content', rule: 'empty' });
      expect(lifecycle.view().status).toBe('RECEIVED');
      expect(types(lifecycle.apply(cmd.reply(['f3', 'f1', 'f2']), day(4)))).toEqual(['REPLY_SUBMITTED']);
      expect(lifecycle.view()).toMatchObject({
        status: 'REPLIED',
        reply: { content: '逐项整改', signedBy: '张局长', submittedAt: iso(day(4)) },
      });
    });
  });

  describe('timers', () => {
    it('escalates a sign-off pending past the approval SLA once per submission', () => {
      const lifecycle = drafted();
      lifecycle.apply(cmd.submit(), day(1));
      expect(lifecycle.nextWakeAt()).toBe(day(1) + POLICY.approvalSlaMs);
      const late = lifecycle.fireDueTimers(day(1) + POLICY.approvalSlaMs);
      expect(types(late)).toEqual(['APPROVAL_OVERDUE']);
      expect(late.notifications).toEqual([expect.objectContaining({ kind: 'APPROVAL_OVERDUE', recipient: { kind: 'supervisors' } })]);
      expect(types(lifecycle.fireDueTimers(day(10)))).toEqual([]);
      lifecycle.apply(cmd.return(), day(10));
      lifecycle.apply(cmd.submit(), day(11));
      expect(types(lifecycle.fireDueTimers(day(11) + POLICY.approvalSlaMs))).toEqual(['APPROVAL_OVERDUE']);
    });

    it('marks a receipt overdue once, telling the unit and the tracking office; signing clears it', () => {
      const { lifecycle } = issued();
      const due = day(2) + POLICY.receiptDueMs;
      expect(types(lifecycle.fireDueTimers(due - 1))).toEqual([]);
      const late = lifecycle.fireDueTimers(due);
      expect(types(late)).toEqual(['RECEIPT_OVERDUE']);
      expect(late.notifications.map((n) => n.recipient)).toEqual([
        { kind: 'unit', unitId: 'U1' },
        { kind: 'office', orgUnitId: 'OFF-1' },
      ]);
      expect(new Set(late.notifications.map((n) => n.key)).size).toBe(2);
      expect(lifecycle.view().overdue.receipt).toBe(true);
      expect(types(lifecycle.fireDueTimers(due + DAY))).toEqual([]);
      lifecycle.apply(cmd.receipt(), due + DAY);
      expect(lifecycle.view().overdue.receipt).toBe(false);
    });

    it('reminds once before the reply deadline and marks the reply overdue once at it, to the unit and the office', () => {
      const { lifecycle } = issued();
      lifecycle.apply(cmd.receipt(), day(3));
      const remindAt = REPLY_DUE - POLICY.remindBeforeMs;
      expect(lifecycle.nextWakeAt()).toBe(remindAt);
      expect(types(lifecycle.fireDueTimers(remindAt))).toEqual(['REMINDER_SENT']);
      expect(types(lifecycle.fireDueTimers(remindAt + 1))).toEqual([]);
      const late = lifecycle.fireDueTimers(REPLY_DUE);
      expect(types(late)).toEqual(['REPLY_OVERDUE']);
      expect(late.notifications.map((n) => n.recipient.kind)).toEqual(['unit', 'office']);
      expect(lifecycle.view().overdue.reply).toBe(true);
      expect(lifecycle.nextWakeAt()).toBeNull();
      lifecycle.apply(cmd.reply(['f1', 'f2']), REPLY_DUE + DAY);
      expect(lifecycle.view().overdue.reply).toBe(false);
    });

    it('sends no reminder once the reply deadline has passed, and no reply timer after the reply', () => {
      const { lifecycle } = issued();
      expect(types(lifecycle.fireDueTimers(REPLY_DUE + DAY))).toEqual(['RECEIPT_OVERDUE', 'REPLY_OVERDUE']);
      const answered = issued().lifecycle;
      answered.apply(cmd.receipt(), day(3));
      answered.apply(cmd.reply(['f1', 'f2']), day(4));
      expect(answered.nextWakeAt()).toBeNull();
    });
  });

  describe('its findings', () => {
    it('closes with its last finding once replied, reopens when one is reopened, and ends when every finding has', () => {
      const { lifecycle } = issued();
      lifecycle.apply(cmd.receipt(), day(3));
      lifecycle.apply(cmd.reply(['f1', 'f2']), day(4));
      expect(lifecycle.replyTakenByAll).toBe(false);
      lifecycle.findingStatus({ findingId: 'f1', status: 'PLAN_SUBMITTED', finished: false, replyTaken: true }, day(4));
      lifecycle.findingStatus({ findingId: 'f2', status: 'PLAN_SUBMITTED', finished: false, replyTaken: true }, day(4));
      expect(lifecycle.replyTakenByAll).toBe(true);
      expect(types(lifecycle.findingStatus({ findingId: 'f1', status: 'CLOSED', finished: false }, day(5)))).toEqual([]);
      expect(types(lifecycle.findingStatus({ findingId: 'f2', status: 'CLOSED', finished: false }, day(6)))).toEqual([
        'RECOMMENDATION_CLOSED',
      ]);
      expect(lifecycle.view()).toMatchObject({ status: 'CLOSED', closedAt: iso(day(6)) });
      const version = lifecycle.record().version;
      lifecycle.findingStatus({ findingId: 'f2', status: 'RECTIFYING', finished: false }, day(7));
      expect(lifecycle.view()).toMatchObject({ status: 'REPLIED', closedAt: null });
      expect(lifecycle.record().version).toBe(version + 1);
      lifecycle.findingStatus({ findingId: 'f2', status: 'CLOSED', finished: false }, day(8));
      lifecycle.findingStatus({ findingId: 'f1', status: 'CLOSED', finished: true }, day(9));
      expect(lifecycle.finished).toBe(false);
      lifecycle.findingStatus({ findingId: 'f2', status: 'CLOSED', finished: true }, day(9));
      expect(lifecycle.finished).toBe(true);
    });

    it('never finishes as a draft: an unissued recommendation keeps its case open', () => {
      expect(drafted().finished).toBe(false);
    });
  });
});

describe("a recommendation's finding", () => {
  const assigned = () => {
    const { issue } = issued(1);
    return new FindingLifecycle(assignedState(issue.findings[0], OFFICER.id, POLICY), POLICY);
  };

  it('takes no plan of its own before the reply (409 REPLY_AWAITED), but the one the reply gives it, once', () => {
    const finding = assigned();
    const refused = rejection(() => finding.check({ type: 'submitPlan', content: '方案', actor: UNIT }, day(3)));
    expect(refused.failureType).toBe(FAILURE_TYPES.replyAwaited);
    const taken = finding.takeReplyPlan('回复中的方案', UNIT, day(4));
    expect(types(taken)).toEqual(['PLAN_SUBMITTED']);
    expect(taken.events[0]).toMatchObject({ actor: UNIT.id, data: { content: '回复中的方案' } });
    expect(finding.view()).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan', recommendationId: 'rec-1' });
    expect(types(finding.takeReplyPlan('回复中的方案', UNIT, day(4)))).toEqual([]);
    // After the reply, a returned plan is resubmitted on its own, as in v1.
    finding.apply({ type: 'decidePlan', decision: 'return', comment: '不具体', actor: SUPERVISOR }, day(5));
    expect(types(finding.apply({ type: 'submitPlan', content: '修改后的方案', actor: UNIT }, day(6)))).toEqual(['PLAN_SUBMITTED']);
  });

  it('has its plan due at the reply deadline, not POLICY_PLAN_DUE after issue', () => {
    const finding = assigned();
    expect(finding.state.planDueAt).toBe(iso(REPLY_DUE));
    expect(types(finding.fireDueTimers(REPLY_DUE))).toContain('PLAN_OVERDUE');
  });

  it('leaves a finding of no recommendation as it was: its own plan, due POLICY_PLAN_DUE after assignment', () => {
    const finding = new FindingLifecycle(assignedState(findingSeed(), OFFICER.id, POLICY), POLICY);
    expect(finding.state.replyAwaited).toBeUndefined();
    expect(finding.state.planDueAt).toBe(iso(T0 + POLICY.planDueMs));
    expect(() => finding.check({ type: 'submitPlan', content: '方案', actor: UNIT }, day(1))).not.toThrow();
  });
});
