import type { RecommendationCommand } from '@reform/contracts';
import { assignedEvent, assignedState, findingRecord } from '../finding/finding-state';
import { FindingLifecycle } from '../finding/finding-lifecycle';
import { Rejection } from '../finding/rejection';
import {
  DOCUMENT,
  DRAFTER,
  FINDING_IDS,
  OFFICER,
  POLICY,
  RECOMMENDATION_ID,
  REPLY_DUE,
  RecommendationDriver,
  SUPERVISOR,
  SUPERVISOR_2,
  UNIT,
  day,
  iso,
  plansFor,
  rcmd,
  rejectionOf,
  recommendationSeed,
  types,
} from './recommendation-test-kit';

/** The step is refused by check and by apply alike, and refusing it changed nothing. */
function expectRefused(driver: RecommendationDriver, command: RecommendationCommand, nowMs: number): Rejection {
  driver.advanceTo(nowMs);
  const before = JSON.stringify(driver.state);
  const checked = rejectionOf(() => driver.lifecycle.check(command, nowMs));
  const applied = rejectionOf(() => driver.lifecycle.apply(command, nowMs));
  expect(checked).toBeInstanceOf(Rejection);
  expect(applied).toEqual(checked);
  expect(JSON.stringify(driver.state)).toBe(before);
  return checked as Rejection;
}

const ALL_STEPS: RecommendationCommand[] = [
  rcmd.edit({ title: '新标题' }),
  rcmd.submit(),
  rcmd.approve(),
  rcmd.return(),
  rcmd.signReceipt(),
  rcmd.reply(),
];

describe('recommendation steps — edit (DRAFT only)', () => {
  it('records RECOMMENDATION_EDITED with only the fields that changed', () => {
    const driver = new RecommendationDriver();
    const effects = driver.step(rcmd.edit({ title: '新标题', measures: recommendationSeed().measures, replyDueAt: iso(day(40)) }), day(1));
    expect(effects.events.map((event) => [event.type, event.data, event.actor, event.seq])).toEqual([
      ['RECOMMENDATION_EDITED', { title: '新标题', replyDueAt: iso(day(40)) }, DRAFTER.id, 2],
    ]);
    expect(driver.view).toMatchObject({ status: 'DRAFT', title: '新标题', replyDueAt: iso(day(40)), updatedAt: iso(day(1)) });
    expect(driver.lifecycle.record().version).toBe(2);
  });

  it('records nothing, and leaves the row as it was, when nothing changed', () => {
    const driver = new RecommendationDriver();
    const { title, causeAnalysis } = recommendationSeed();
    expect(driver.step(rcmd.edit({ title, causeAnalysis, replyDueAt: iso(REPLY_DUE) }), day(1)).events).toEqual([]);
    expect(driver.step(rcmd.edit({}), day(1)).events).toEqual([]);
    expect(driver.state).toMatchObject({ seq: 1, version: 1, updatedAt: iso(day(0)) });
  });

  it('refuses a reply deadline that is not ahead', () => {
    const driver = new RecommendationDriver();
    for (const replyDueAt of [iso(day(1)), iso(day(1) - 1), 'not a date']) {
      const refused = expectRefused(driver, rcmd.edit({ title: '新标题', replyDueAt }), day(1));
      expect(refused.failureType).toBe('InvalidCommand');
      expect(refused.details).toMatchObject({ field: 'replyDueAt' });
    }
  });

  it('is refused in every status but DRAFT', () => {
    const pending = RecommendationDriver.pending();
    expect(expectRefused(pending, rcmd.edit({ title: '新标题' }), day(1))).toMatchObject({
      failureType: 'StepNotAllowed',
      details: { status: 'PENDING_SIGNOFF' },
    });
    for (const driver of [RecommendationDriver.issued(), RecommendationDriver.received(), RecommendationDriver.replied()]) {
      expect(expectRefused(driver, rcmd.edit({ title: '新标题' }), day(11)).failureType).toBe('StepNotAllowed');
    }
  });
});

describe('recommendation steps — submit (提交审核)', () => {
  it('sends a draft for sign-off', () => {
    const driver = new RecommendationDriver();
    const effects = driver.step(rcmd.submit(), day(1));
    expect(effects.events.map((event) => [event.type, event.data, event.actor])).toEqual([['RECOMMENDATION_SUBMITTED', {}, DRAFTER.id]]);
    expect(driver.view).toMatchObject({ status: 'PENDING_SIGNOFF', submittedAt: iso(day(1)) });
    expect(driver.state.submittedBy).toBe(DRAFTER.id);
  });

  it('is refused unless DRAFT', () => {
    const driver = RecommendationDriver.pending();
    expect(expectRefused(driver, rcmd.submit(), day(1))).toMatchObject({
      failureType: 'StepNotAllowed',
      details: { status: 'PENDING_SIGNOFF' },
    });
    expect(expectRefused(RecommendationDriver.issued(), rcmd.submit(), day(3)).details).toEqual({ status: 'ISSUED' });
  });

  it('refuses a draft whose reply deadline has passed, until it is edited for one ahead', () => {
    const driver = new RecommendationDriver();
    const refused = expectRefused(driver, rcmd.submit(), REPLY_DUE);
    expect(refused).toMatchObject({ failureType: 'InvalidCommand', details: { field: 'replyDueAt' } });
    expect(refused.message).toMatch(/has passed/);
    driver.step(rcmd.edit({ replyDueAt: iso(day(60)) }), REPLY_DUE);
    expect(types(driver.step(rcmd.submit(), REPLY_DUE))).toEqual(['RECOMMENDATION_SUBMITTED']);
  });
});

describe('recommendation steps — sign-off (审核签发)', () => {
  it('is refused unless PENDING_SIGNOFF', () => {
    const draft = new RecommendationDriver();
    for (const command of [rcmd.approve(), rcmd.return()]) {
      expect(expectRefused(draft, command, day(1))).toMatchObject({ failureType: 'StepNotAllowed', details: { status: 'DRAFT' } });
      expect(expectRefused(RecommendationDriver.issued(), command, day(3)).details).toEqual({ status: 'ISSUED' });
    }
  });

  it('回避: neither the drafter nor the submitter signs it off, whichever the decision', () => {
    const byDrafter = RecommendationDriver.pending();
    for (const command of [rcmd.approve(DRAFTER), rcmd.return(DRAFTER)]) {
      expect(expectRefused(byDrafter, command, day(1)).failureType).toBe('RecusalRequired');
    }
    const bySubmitter = new RecommendationDriver();
    bySubmitter.step(rcmd.submit(SUPERVISOR), day(1)); // a supervisor who also drafts, submitting a colleague's draft
    for (const command of [rcmd.approve(SUPERVISOR), rcmd.return(SUPERVISOR)]) {
      expect(expectRefused(bySubmitter, command, day(1)).failureType).toBe('RecusalRequired');
    }
    expect(rejectionOf(() => bySubmitter.lifecycle.check(rcmd.approve(SUPERVISOR_2), day(1)))).toBeNull();
  });

  it('return: back to DRAFT with its comment, then edited and resubmitted', () => {
    const driver = RecommendationDriver.pending();
    const returned = driver.step(rcmd.return(SUPERVISOR, '措施不具体'), day(2));
    expect(returned.events.map((event) => [event.type, event.data, event.actor])).toEqual([
      ['RECOMMENDATION_RETURNED', { comment: '措施不具体' }, SUPERVISOR.id],
    ]);
    expect(driver.view).toMatchObject({ status: 'DRAFT', returnComment: '措施不具体', submittedAt: null });
    driver.step(rcmd.edit({ measures: '细化整改措施' }), day(3));
    driver.step(rcmd.submit(), day(3));
    expect(driver.view).toMatchObject({ status: 'PENDING_SIGNOFF', submittedAt: iso(day(3)), measures: '细化整改措施' });
  });

  it('refuses an approval once the reply deadline has passed, but lets it be returned', () => {
    const driver = RecommendationDriver.pending();
    driver.advanceTo(REPLY_DUE);
    const refused = expectRefused(driver, rcmd.approve(), REPLY_DUE);
    expect(refused).toMatchObject({ failureType: 'InvalidCommand', details: { field: 'replyDueAt' } });
    expect(types(driver.step(rcmd.return(), REPLY_DUE))).toEqual(['RECOMMENDATION_RETURNED']);
  });

  it('approve: records nothing yet, starts the issue, and refuses every step while it is being issued', () => {
    const driver = RecommendationDriver.pending();
    expect(driver.lifecycle.documentRequest()).toBeNull();
    const { version, seq } = driver.state;
    expect(driver.step(rcmd.approve(), day(2))).toEqual({ events: [], notifications: [] });
    expect(driver.state).toMatchObject({
      status: 'PENDING_SIGNOFF',
      version,
      seq,
      issuing: { by: SUPERVISOR.id, comment: '同意签发', at: iso(day(2)) },
    });
    for (const command of [...ALL_STEPS, rcmd.approve(SUPERVISOR_2)]) {
      const refused = expectRefused(driver, command, day(2));
      expect(refused.failureType).toBe('StepNotAllowed');
      expect(refused.message).toMatch(/being issued/);
    }
  });

  it('documentRequest(): the 建议书 to number and freeze, keyed `<id>:issue`', () => {
    const driver = RecommendationDriver.pending();
    driver.step(rcmd.approve(), day(2));
    const seed = recommendationSeed();
    expect(driver.lifecycle.documentRequest()).toEqual({
      kind: 'recommendation',
      sourceKey: `${RECOMMENDATION_ID}:issue`,
      caseId: 'case-1',
      recipientUnitId: 'U1',
      issuerOrgUnitId: 'O1',
      findings: seed.findings.map(({ id, title, dueAt }) => ({ id, title, dueAt })),
      issuedAt: iso(day(2)),
      causeAnalysis: seed.causeAnalysis,
      measures: seed.measures,
      replyDueAt: iso(REPLY_DUE),
    });
    // Asked again (a retried task), it is the same request: the store numbers it once.
    expect(driver.lifecycle.documentRequest()).toEqual(driver.lifecycle.documentRequest());
    driver.issue();
    expect(driver.lifecycle.documentRequest()).toBeNull();
  });

  it('issued(): ISSUED at the approval, numbered, receipt due POLICY_RECEIPT_DUE later, its unit told', () => {
    const driver = RecommendationDriver.pending();
    driver.step(rcmd.approve(), day(2));
    const issue = driver.issue();

    expect(driver.view).toMatchObject({
      status: 'ISSUED',
      docNo: DOCUMENT.docNo,
      documentId: DOCUMENT.documentId,
      issuedAt: iso(day(2)),
      submittedAt: null,
      receiptDueAt: iso(day(2) + POLICY.receiptDueMs),
      updatedAt: iso(day(2)),
    });
    expect(driver.state.issuing).toBeNull();
    const [issued, ...assigned] = issue.events;
    expect(issued).toEqual({
      entityId: RECOMMENDATION_ID,
      entityType: 'recommendation',
      caseId: 'case-1',
      seq: 3,
      type: 'RECOMMENDATION_ISSUED',
      at: iso(day(2)),
      actor: SUPERVISOR.id,
      data: { docNo: DOCUMENT.docNo, documentId: DOCUMENT.documentId, comment: '同意签发' },
    });
    expect(issue.notifications).toEqual([
      expect.objectContaining({
        key: `${RECOMMENDATION_ID}:3:RECOMMENDATION_ISSUED:U1`,
        kind: 'RECOMMENDATION_ISSUED',
        recommendationId: RECOMMENDATION_ID,
        findingId: null,
        recipient: { kind: 'unit', unitId: 'U1' },
        at: iso(day(2)),
        data: expect.objectContaining({ docNo: DOCUMENT.docNo, replyDueAt: iso(REPLY_DUE), receiptDueAt: iso(day(6)) }),
      }),
    ]);
    expect(driver.state.findingStatuses).toEqual({ 'finding-1': 'ASSIGNED', 'finding-2': 'ASSIGNED' });
    expect(assigned.map((event) => [event.entityId, event.type, event.seq])).toEqual(FINDING_IDS.map((id) => [id, 'ASSIGNED', 1]));
  });

  it('issued(): its findings start assigned at issue, plan due with the reply, carried by it', () => {
    const driver = RecommendationDriver.pending();
    driver.step(rcmd.approve(), day(2));
    const issue = driver.issue();
    const seed = recommendationSeed();

    expect(issue.findings).toEqual(
      seed.findings.map((finding) => ({
        ...finding,
        recommendationId: RECOMMENDATION_ID,
        assignedAt: iso(day(2)),
        planDueAt: iso(REPLY_DUE),
      })),
    );
    expect(issue.events.slice(1)).toEqual(issue.findings.map((finding) => assignedEvent(finding, SUPERVISOR.id)));
    expect(issue.events[1]).toMatchObject({
      at: iso(day(2)),
      actor: SUPERVISOR.id,
      data: { unitId: 'U1', recommendationId: RECOMMENDATION_ID, planDueAt: iso(REPLY_DUE) },
    });
    expect(issue.findingRecords).toEqual(
      issue.findings.map((finding) =>
        expect.objectContaining({ id: finding.id, status: 'ASSIGNED', version: 1, recommendationId: RECOMMENDATION_ID }),
      ),
    );
    expect(issue.findingRecords[0]).toMatchObject({ updatedAt: iso(day(2)), openedBy: OFFICER.id, pendingSince: null });
    // The rows are those the findings' own workflows start from.
    expect(issue.findingRecords).toEqual(
      issue.findings.map((finding) => new FindingLifecycle(assignedState(finding, OFFICER.id, POLICY), POLICY).record()),
    );
    expect(issue.findingRecords).toEqual(
      issue.findings.map((finding) => findingRecord(assignedState(finding, OFFICER.id, { planDueMs: 0 }))),
    );
  });

  it('issued() without an approval being issued is a programming error', () => {
    expect(() => RecommendationDriver.pending().lifecycle.issued(DOCUMENT)).toThrow(/without an approval/);
    expect(() => RecommendationDriver.issued().lifecycle.issued(DOCUMENT)).toThrow(/without an approval/);
  });
});

describe('recommendation steps — receipt (签收)', () => {
  it('signs for an issued recommendation', () => {
    const driver = RecommendationDriver.issued();
    const effects = driver.step(rcmd.signReceipt(), day(3));
    expect(effects.events.map((event) => [event.type, event.data, event.actor])).toEqual([
      ['RECEIPT_SIGNED', { signedBy: '刘局长', statement: '坚决整改' }, UNIT.id],
    ]);
    expect(driver.view).toMatchObject({
      status: 'RECEIVED',
      receipt: { signedBy: '刘局长', statement: '坚决整改', signedAt: iso(day(3)), actor: UNIT.id },
      overdue: { receipt: false, reply: false },
    });
  });

  it('is refused before issue, and a second time', () => {
    expect(expectRefused(new RecommendationDriver(), rcmd.signReceipt(), day(1)).details).toEqual({ status: 'DRAFT' });
    expect(expectRefused(RecommendationDriver.pending(), rcmd.signReceipt(), day(1)).details).toEqual({ status: 'PENDING_SIGNOFF' });
    const driver = RecommendationDriver.received();
    const twice = expectRefused(driver, rcmd.signReceipt(), day(4));
    expect(twice).toMatchObject({ failureType: 'StepNotAllowed', details: { status: 'RECEIVED' } });
    expect(twice.message).toMatch(/has been signed for/);
    expect(driver.count('RECEIPT_SIGNED')).toBe(1);
    expect(expectRefused(RecommendationDriver.replied(), rcmd.signReceipt(), day(11)).details).toEqual({ status: 'REPLIED' });
  });
});

describe('recommendation steps — written reply (书面回复)', () => {
  it('is refused while ISSUED, saying it must be signed for first', () => {
    const refused = expectRefused(RecommendationDriver.issued(), rcmd.reply(), day(3));
    expect(refused).toMatchObject({ failureType: 'StepNotAllowed', details: { status: 'ISSUED' } });
    expect(refused.message).toMatch(/signed for \(签收\) first/);
    expect(expectRefused(new RecommendationDriver(), rcmd.reply(), day(1)).details).toEqual({ status: 'DRAFT' });
  });

  it('gives a plan for every finding: REPLIED, REPLY_SUBMITTED with the plans', () => {
    const driver = RecommendationDriver.received();
    const plans = plansFor([...FINDING_IDS].reverse()); // in any order
    const effects = driver.step(rcmd.reply(plans), day(10));
    expect(effects.events.map((event) => [event.type, event.data, event.actor])).toEqual([
      ['REPLY_SUBMITTED', { content: '关于建议书的书面回复', signedBy: '刘局长', plans }, UNIT.id],
    ]);
    expect(driver.view).toMatchObject({
      status: 'REPLIED',
      reply: { content: '关于建议书的书面回复', signedBy: '刘局长', submittedAt: iso(day(10)) },
    });
    expect(expectRefused(driver, rcmd.reply(plans), day(11)).details).toEqual({ status: 'REPLIED' });
  });

  it('refuses a reply missing a plan, naming the missing findings', () => {
    const driver = RecommendationDriver.received();
    const missingOne = expectRefused(driver, rcmd.reply(plansFor(['finding-1'])), day(10));
    expect(missingOne).toMatchObject({ failureType: 'InvalidCommand', details: { field: 'plans' } });
    expect(missingOne.message).toMatch(/missing: finding-2$/);
    const missingAll = expectRefused(driver, rcmd.reply([]), day(10));
    expect(missingAll.details).toEqual({ field: 'plans', rule: 'required' });
    expect(missingAll.message).toMatch(/missing: finding-1, finding-2$/);
  });

  it('refuses a plan for another finding, a finding twice, or an empty plan, naming the indexed field', () => {
    const driver = RecommendationDriver.received();
    const [first, second] = plansFor();
    const cases: Array<[Array<{ findingId: string; content: string }>, string, RegExp]> = [
      [[first, { findingId: 'finding-9', content: '措施' }, second], 'plans[1].findingId', /not a finding of this recommendation/],
      [[first, second, { ...first, content: '又一个' }], 'plans[2].findingId', /repeats finding finding-1/],
      [[first, { ...second, content: '   ' }], 'plans[1].content', /must not be empty/],
      [[{ ...first, content: '' }, second], 'plans[0].content', /must not be empty/],
    ];
    for (const [plans, field, message] of cases) {
      const refused = expectRefused(driver, rcmd.reply(plans), day(10));
      expect(refused).toMatchObject({ failureType: 'InvalidCommand', details: { field } });
      expect(refused.message).toMatch(message);
    }
    expect(driver.view.status).toBe('RECEIVED');
  });
});
