import { FindingLifecycle } from './finding-lifecycle';
import { assignedEvent, assignedState } from './finding-state';
import { Rejection } from './rejection';
import { DUE, Driver, OFFICER, POLICY, SUPERVISOR, UNIT, UNIT_2, cmd, day, iso, rejectionOf, seed, types } from './finding-test-kit';

/** A recommendation's finding as its issue on day 2 starts it: plan due with the reply on day 20. */
const REPLY_DUE = day(20);
const recommendationSeed = () =>
  seed({ recommendationId: 'rec-1', assignedAt: iso(day(2)), planDueAt: iso(REPLY_DUE), trackingOfficeId: 'O1' });
const recommendationFinding = () => new Driver(POLICY, recommendationSeed());

describe('a recommendation’s finding — its plan comes with the written reply (书面回复)', () => {
  it('starts ASSIGNED at issue, its plan due at the reply deadline, awaiting the reply', () => {
    const state = assignedState(recommendationSeed(), OFFICER.id, POLICY);
    expect(state).toMatchObject({ status: 'ASSIGNED', planDueAt: iso(REPLY_DUE), updatedAt: iso(day(2)), seq: 1, replyAwaited: true });
    const lifecycle = new FindingLifecycle(state, POLICY);
    expect(lifecycle.view()).toMatchObject({
      recommendationId: 'rec-1',
      trackingOfficeId: 'O1',
      createdAt: iso(day(0)),
      updatedAt: iso(day(2)),
    });
    expect(lifecycle.nextWakeAt()).toBe(REPLY_DUE);
    expect(assignedEvent(recommendationSeed(), SUPERVISOR.id)).toMatchObject({
      seq: 1,
      type: 'ASSIGNED',
      at: iso(day(2)),
      actor: SUPERVISOR.id,
      data: { unitId: 'U1', dueAt: iso(DUE), responsiblePerson: '刘局长', recommendationId: 'rec-1', planDueAt: iso(REPLY_DUE) },
    });
  });

  it('refuses a plan submitted on its own with ReplyAwaited, changing nothing', () => {
    const driver = recommendationFinding();
    const before = JSON.stringify(driver.lifecycle.state);
    const checked = rejectionOf(() => driver.lifecycle.check(cmd.submitPlan(), day(3)));
    const applied = rejectionOf(() => driver.lifecycle.apply(cmd.submitPlan(), day(3)));
    expect(checked).toBeInstanceOf(Rejection);
    expect(applied).toEqual(checked);
    expect(checked).toMatchObject({ failureType: 'ReplyAwaited', details: { status: 'ASSIGNED' } });
    expect(checked?.message).toMatch(/rec-1/);
    expect(JSON.stringify(driver.lifecycle.state)).toBe(before);
  });

  it('takeReplyPlan submits the reply’s plan once: PLAN_SUBMITTED, a plan pending; replayed, it is a no-op', () => {
    const driver = recommendationFinding();
    const taken = driver.lifecycle.takeReplyPlan('回复中的整改措施', UNIT, day(5));
    expect(taken.events.map((event) => [event.type, event.data, event.actor, event.seq, event.at])).toEqual([
      ['PLAN_SUBMITTED', { content: '回复中的整改措施' }, UNIT.id, 2, iso(day(5))],
    ]);
    expect(driver.view).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan', updatedAt: iso(day(5)) });
    expect(driver.lifecycle.state).toMatchObject({ replyAwaited: false, planSubmittedBy: UNIT.id, planDueAt: null });
    expect(driver.lifecycle.record()).toMatchObject({ version: 2, pendingSince: iso(day(5)) });

    const before = JSON.stringify(driver.lifecycle.state);
    expect(driver.lifecycle.takeReplyPlan('回复中的整改措施', UNIT, day(5))).toEqual({ events: [], notifications: [] });
    expect(JSON.stringify(driver.lifecycle.state)).toBe(before);
    // The plan is decided as any other, 回避 included.
    expect(rejectionOf(() => driver.lifecycle.check(cmd.approvePlan(UNIT), day(6)))?.failureType).toBe('RecusalRequired');
    expect(types(driver.step(cmd.approvePlan(), day(6)))).toEqual(['PLAN_APPROVED']);
  });

  it('after the reply, a returned plan is resubmitted on its own; a replayed reply does not resubmit it', () => {
    const driver = recommendationFinding();
    driver.lifecycle.takeReplyPlan('回复中的整改措施', UNIT, day(5));
    driver.step(cmd.returnPlan(), day(6));
    expect(driver.view.status).toBe('ASSIGNED');
    expect(driver.lifecycle.state.planDueAt).toBe(iso(day(6) + POLICY.planDueMs));
    expect(driver.lifecycle.takeReplyPlan('回复中的整改措施', UNIT, day(6))).toEqual({ events: [], notifications: [] });
    expect(driver.view.status).toBe('ASSIGNED');
    expect(types(driver.step(cmd.submitPlan(UNIT_2), day(7)))).toEqual(['PLAN_SUBMITTED']);
  });

  it('plan due = the reply deadline: PLAN_OVERDUE then, not POLICY_PLAN_DUE after issue; still waiting for the reply', () => {
    const driver = recommendationFinding();
    expect(driver.advanceTo(day(2) + POLICY.planDueMs)).toEqual([]);
    expect(driver.advanceTo(REPLY_DUE - 1)).toEqual([]);
    const fired = driver.advanceTo(REPLY_DUE);
    expect(fired.map((event) => [event.type, event.data, event.at])).toEqual([
      ['PLAN_OVERDUE', { planDueAt: iso(REPLY_DUE) }, iso(REPLY_DUE)],
    ]);
    expect(rejectionOf(() => driver.lifecycle.check(cmd.submitPlan(), day(21)))?.failureType).toBe('ReplyAwaited');
    expect(types(driver.lifecycle.takeReplyPlan('迟到的回复', UNIT, day(22)))).toEqual(['PLAN_SUBMITTED']);
    expect(driver.events.filter((event) => event.type === 'PLAN_OVERDUE')).toHaveLength(1);
  });

  it('a late reply records the missed plan deadline first', () => {
    const driver = recommendationFinding();
    expect(types(driver.lifecycle.takeReplyPlan('迟到的回复', UNIT, day(21)))).toEqual(['PLAN_OVERDUE', 'PLAN_SUBMITTED']);
  });

  it('a finding without a recommendation is as before: plan due POLICY_PLAN_DUE after creation, submitted on its own', () => {
    const plain = seed();
    const state = assignedState(plain, OFFICER.id, POLICY);
    expect(state).not.toHaveProperty('replyAwaited');
    expect(state.planDueAt).toBe(iso(day(0) + POLICY.planDueMs));
    expect(assignedEvent(plain, OFFICER.id)).toEqual({
      entityId: 'finding-1',
      entityType: 'finding',
      caseId: 'case-1',
      seq: 1,
      type: 'ASSIGNED',
      at: iso(day(0)),
      actor: OFFICER.id,
      data: { unitId: 'U1', dueAt: iso(DUE), responsiblePerson: '刘局长' },
    });
    const driver = new Driver();
    expect(driver.view.recommendationId).toBeNull();
    expect(types(driver.step(cmd.submitPlan(), day(1)))).toEqual(['PLAN_SUBMITTED']);
  });
});
