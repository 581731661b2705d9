import { FindingLifecycle } from './finding-lifecycle';
import { assignedState } from './finding-state';
import { DUE, Driver, OFFICER, POLICY, SUPERVISOR, SUPERVISOR_2, T0, UNIT, cmd, day, iso, seed, types } from './finding-test-kit';

describe('FindingLifecycle — a finding from assignment to its follow-up', () => {
  it('starts ASSIGNED at seq 1 with its plan due POLICY_PLAN_DUE after assignment', () => {
    const lifecycle = new FindingLifecycle(assignedState(seed(), OFFICER.id, POLICY), POLICY);

    expect(lifecycle.view()).toEqual({
      id: 'finding-1',
      caseId: 'case-1',
      title: '工程招投标监管缺位',
      description: '招投标环节缺少廉政风险防控',
      category: 'procurement',
      unitId: 'U1',
      responsiblePerson: '刘局长',
      dueAt: iso(DUE),
      status: 'ASSIGNED',
      overdue: false,
      escalationLevel: 0,
      accountability: 'none',
      pendingApproval: null,
      trackingOfficeId: null,
      recommendationId: null,
      interviewId: null,
      accountabilityOutcome: null,
      createdAt: iso(T0),
      updatedAt: iso(T0),
      closedAt: null,
    });
    expect(lifecycle.record()).toMatchObject({ version: 1, pendingSince: null, openedBy: OFFICER.id });
    expect(lifecycle.state.planDueAt).toBe(iso(day(5)));
    expect(lifecycle.nextWakeAt()).toBe(day(5));
    expect(lifecycle.finished(true)).toBe(false);
  });

  it('shows a missing category and responsible person as null', () => {
    const lifecycle = new FindingLifecycle(
      assignedState(seed({ category: undefined, responsiblePerson: undefined }), OFFICER.id, POLICY),
      POLICY,
    );
    expect(lifecycle.view()).toMatchObject({ category: null, responsiblePerson: null });
  });

  it('walks the happy path ASSIGNED → … → CLOSED → held, events in order, seqs one by one', () => {
    const driver = new Driver();

    const plan = driver.step(cmd.submitPlan(), day(1));
    expect(types(plan)).toEqual(['PLAN_SUBMITTED']);
    expect(driver.view).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan', updatedAt: iso(day(1)) });
    expect(driver.lifecycle.record().pendingSince).toBe(iso(day(1)));

    driver.step(cmd.approvePlan(), day(2));
    expect(driver.view).toMatchObject({ status: 'RECTIFYING', pendingApproval: null });

    expect(types(driver.advanceTo(day(27)))).toEqual(['REMINDER_SENT']);

    driver.step(cmd.submitReport(), day(28));
    expect(driver.view).toMatchObject({ status: 'REPORT_SUBMITTED', pendingApproval: 'verification' });

    const verified = driver.step(cmd.pass(SUPERVISOR_2), day(29));
    expect(types(verified)).toEqual(['VERIFICATION_PASSED', 'CLOSED']);
    expect(driver.view).toMatchObject({
      status: 'CLOSED',
      overdue: false,
      escalationLevel: 0,
      pendingApproval: null,
      closedAt: iso(day(29)),
    });
    expect(driver.lifecycle.nextWakeAt()).toBe(day(29 + 90));
    expect(driver.lifecycle.finished(true)).toBe(false);

    expect(types(driver.advanceTo(day(119)))).toEqual(['FOLLOW_UP_DUE']);
    expect(driver.view.pendingApproval).toBe('followUp');

    driver.step(cmd.held(), day(120));
    expect(driver.lifecycle.finished(true)).toBe(true);
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
    expect(driver.view).toMatchObject({ status: 'CLOSED', pendingApproval: null, closedAt: iso(day(29)) });

    expect(types(driver.events)).toEqual([
      'PLAN_SUBMITTED',
      'PLAN_APPROVED',
      'REMINDER_SENT',
      'REPORT_SUBMITTED',
      'VERIFICATION_PASSED',
      'CLOSED',
      'FOLLOW_UP_DUE',
      'FOLLOW_UP_HELD',
    ]);
    expect(driver.events.map((event) => event.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(driver.events.map((event) => [event.actor, event.at])).toEqual([
      [UNIT.id, iso(day(1))],
      [SUPERVISOR.id, iso(day(2))],
      ['system', iso(day(27))],
      [UNIT.id, iso(day(28))],
      [SUPERVISOR_2.id, iso(day(29))],
      [SUPERVISOR_2.id, iso(day(29))],
      ['system', iso(day(119))],
      [SUPERVISOR.id, iso(day(120))],
    ]);
    for (const event of driver.events) {
      expect(event).toMatchObject({ entityId: 'finding-1', entityType: 'finding', caseId: 'case-1' });
    }
    expect(driver.lifecycle.record()).toMatchObject({ version: 9, updatedAt: iso(day(120)) });
    expect(driver.notifications.map((n) => n.kind)).toEqual(['REMINDER', 'FOLLOW_UP_DUE']);
  });

  it('carries what the timeline needs in the events’ data', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(40)), day(3));
    driver.step(cmd.approveExtension(), day(4));
    driver.step(cmd.submitReport(), day(5));
    driver.step(cmd.fail(day(50)), day(6));

    expect(driver.events.map((event) => [event.type, event.data])).toEqual([
      ['PLAN_SUBMITTED', { content: '整改方案' }],
      ['PLAN_APPROVED', { comment: '同意' }],
      ['EXTENSION_REQUESTED', { requestedDueAt: iso(day(40)), reason: '工程周期长' }],
      ['EXTENSION_APPROVED', { comment: '同意延期', dueAt: iso(day(40)) }],
      ['REPORT_SUBMITTED', { content: '整改报告', evidence: [expect.objectContaining({ name: 'minutes.pdf' })] }],
      ['VERIFICATION_FAILED', { comment: '证据不足', newDueAt: iso(day(50)) }],
    ]);
  });

  it('lets a plan be returned, re-arms the plan-due timer, and takes a resubmitted plan', () => {
    const driver = new Driver();
    driver.step(cmd.submitPlan(), day(1));

    const returned = driver.step(cmd.returnPlan(), day(2));
    expect(types(returned)).toEqual(['PLAN_RETURNED']);
    expect(returned.events[0].data).toEqual({ comment: '措施不具体' });
    expect(driver.view).toMatchObject({ status: 'ASSIGNED', pendingApproval: null });
    expect(driver.lifecycle.state.planDueAt).toBe(iso(day(2) + POLICY.planDueMs));
    expect(driver.lifecycle.nextWakeAt()).toBe(day(7));

    driver.step(cmd.submitPlan(), day(4));
    expect(driver.view).toMatchObject({ status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
    driver.step(cmd.approvePlan(), day(5));
    expect(driver.view.status).toBe('RECTIFYING');

    driver.advanceTo(day(10));
    expect(types(driver.events)).toEqual(['PLAN_SUBMITTED', 'PLAN_RETURNED', 'PLAN_SUBMITTED', 'PLAN_APPROVED']);
  });

  describe('follow-up review (回头看)', () => {
    function closedWithFollowUpDue(): Driver {
      const driver = Driver.rectifying();
      driver.step(cmd.submitReport(), day(10));
      driver.step(cmd.pass(), day(11));
      driver.advanceTo(day(101));
      expect(driver.view.pendingApproval).toBe('followUp');
      return driver;
    }

    it('falls due POLICY_FOLLOW_UP_AFTER after close-out, with a notice to the supervisors', () => {
      const driver = Driver.rectifying();
      driver.step(cmd.submitReport(), day(10));
      driver.step(cmd.pass(), day(11));

      expect(driver.advanceTo(day(101) - 1)).toEqual([]);
      const due = driver.advanceTo(day(101));
      expect(types(due)).toEqual(['FOLLOW_UP_DUE']);
      expect(driver.notifications.at(-1)).toMatchObject({ kind: 'FOLLOW_UP_DUE', recipient: { kind: 'supervisors' } });
      expect(driver.lifecycle.record().pendingSince).toBe(iso(day(101)));
      expect(driver.lifecycle.finished(true)).toBe(false);
    });

    it('held: finishes the finding', () => {
      const driver = closedWithFollowUpDue();
      const held = driver.step(cmd.held(), day(102));
      expect(types(held)).toEqual(['FOLLOW_UP_HELD']);
      expect(driver.lifecycle.finished(true)).toBe(true);
      expect(driver.lifecycle.nextWakeAt()).toBeNull();
    });

    it('held: does not finish while another decision (accountability) is still pending', () => {
      const driver = Driver.rectifying();
      driver.advanceTo(day(44));
      expect(driver.view).toMatchObject({ escalationLevel: 3, accountability: 'proposed' });
      driver.step(cmd.submitReport(), day(45));
      driver.step(cmd.pass(), day(46));
      driver.advanceTo(day(136));

      driver.step(cmd.held(), day(137));
      expect(driver.view).toMatchObject({ status: 'CLOSED', pendingApproval: 'accountability' });
      expect(driver.lifecycle.finished(true)).toBe(false);

      driver.step(cmd.reject(), day(138));
      expect(driver.lifecycle.finished(true)).toBe(true);
    });

    it('held: waits for the outcome (问责结果) of a referral, unless the run does not (started before outcomes were kept)', () => {
      const driver = Driver.rectifying();
      driver.advanceTo(day(44));
      driver.step(cmd.refer(), day(45));
      driver.step(cmd.submitReport(), day(46));
      driver.step(cmd.pass(), day(47));
      driver.advanceTo(day(137));
      driver.step(cmd.held(), day(138));
      expect(driver.view).toMatchObject({ status: 'CLOSED', accountability: 'referred', pendingApproval: null });
      expect(driver.lifecycle.awaitsOutcome).toBe(true);
      expect(driver.lifecycle.finished(false)).toBe(true);
      expect(driver.lifecycle.finished(true)).toBe(false);
      expect(driver.lifecycle.nextWakeAt()).toBeNull();

      driver.step(cmd.outcome(), day(139));
      expect(driver.view.accountability).toBe('decided');
      expect(driver.lifecycle.finished(true)).toBe(true);
    });

    it('relapsed: back to RECTIFYING with the new deadline, and the ladder of timers runs again', () => {
      const driver = closedWithFollowUpDue();
      const relapsed = driver.step(cmd.relapsed(day(130)), day(102));

      expect(relapsed.events.map((event) => [event.type, event.data])).toEqual([
        ['FOLLOW_UP_RELAPSED', { comment: '问题反弹', newDueAt: iso(day(130)) }],
      ]);
      expect(driver.view).toMatchObject({
        status: 'RECTIFYING',
        dueAt: iso(day(130)),
        overdue: false,
        closedAt: null,
        pendingApproval: null,
      });
      expect(driver.lifecycle.finished(true)).toBe(false);
      expect(driver.lifecycle.nextWakeAt()).toBe(day(127));
      expect(types(driver.advanceTo(day(130)))).toEqual(['REMINDER_SENT', 'OVERDUE', 'ESCALATED']);

      driver.step(cmd.submitReport(), day(131));
      driver.step(cmd.pass(), day(132));
      expect(driver.view).toMatchObject({ status: 'CLOSED', overdue: false, escalationLevel: 1, closedAt: iso(day(132)) });
      expect(driver.lifecycle.nextWakeAt()).toBe(day(222));
    });
  });

  describe('nextWakeAt', () => {
    it('is always the earliest timer that can still fire', () => {
      const driver = new Driver();
      expect(driver.lifecycle.nextWakeAt()).toBe(day(5)); // plan due before reminder at day 27

      driver.step(cmd.submitPlan(), day(1));
      expect(driver.lifecycle.nextWakeAt()).toBe(day(3)); // the plan's approval SLA

      driver.step(cmd.approvePlan(), day(2));
      expect(driver.lifecycle.nextWakeAt()).toBe(day(27)); // reminder

      driver.advanceTo(day(27));
      expect(driver.lifecycle.nextWakeAt()).toBe(DUE); // deadline

      driver.step(cmd.requestExtension(day(60)), day(29));
      expect(driver.lifecycle.nextWakeAt()).toBe(DUE); // the deadline comes before the extension's SLA (day 31)
      driver.advanceTo(day(30));
      expect(driver.lifecycle.nextWakeAt()).toBe(day(31)); // the extension's SLA; the ladder waits for the request
      driver.advanceTo(day(31));
      expect(driver.lifecycle.nextWakeAt()).toBeNull(); // no rung while the request waits

      driver.step(cmd.approveExtension(SUPERVISOR_2), day(32));
      expect(driver.lifecycle.nextWakeAt()).toBe(day(57)); // reminder for the new deadline
    });

    it('is null when nothing can fire: overdue at level 3 with every SLA already reported', () => {
      const driver = Driver.rectifying();
      driver.advanceTo(day(44));
      expect(driver.lifecycle.nextWakeAt()).toBe(day(46)); // the accountability decision's SLA
      driver.advanceTo(day(46));
      expect(driver.view).toMatchObject({ escalationLevel: 3, overdue: true, pendingApproval: 'accountability' });
      expect(driver.lifecycle.nextWakeAt()).toBeNull();
    });

    it('is null while a report waits and its SLA has already been reported', () => {
      const driver = Driver.rectifying();
      driver.step(cmd.submitReport(), day(10));
      expect(driver.lifecycle.nextWakeAt()).toBe(day(12));
      driver.advanceTo(day(12));
      expect(driver.lifecycle.nextWakeAt()).toBeNull();
    });

    it('is never in the past once the due timers have fired (catch-up after a long pause)', () => {
      const driver = new Driver();
      driver.tick(day(200));
      const next = driver.lifecycle.nextWakeAt();
      expect(next === null || next > day(200)).toBe(true);
    });
  });

  it('gives every notification of a long, eventful life a unique key naming the finding and its cause', () => {
    const driver = new Driver();
    driver.advanceTo(day(6)); // plan overdue
    driver.step(cmd.submitPlan(), day(7));
    driver.advanceTo(day(9)); // plan SLA
    driver.step(cmd.approvePlan(), day(10));
    driver.advanceTo(day(44)); // reminder, overdue, escalations 1–3
    driver.step(cmd.requestExtension(day(70)), day(45));
    driver.advanceTo(day(48)); // accountability and extension SLAs
    driver.step(cmd.approveExtension(), day(49));
    driver.advanceTo(day(70)); // second reminder, second miss
    driver.step(cmd.submitReport(), day(71));
    driver.step(cmd.pass(SUPERVISOR_2), day(72));
    driver.advanceTo(day(170)); // follow-up due and its SLA

    const kinds = driver.notifications.map((n) => n.kind);
    expect(kinds).toEqual([
      'PLAN_OVERDUE_NOTICE',
      'APPROVAL_OVERDUE',
      'REMINDER',
      'SUPERVISION_NOTICE',
      'INTERVIEW_NOTICE',
      'ACCOUNTABILITY_PROPOSED',
      'APPROVAL_OVERDUE',
      'APPROVAL_OVERDUE',
      'REMINDER',
      'FOLLOW_UP_DUE',
      'APPROVAL_OVERDUE',
    ]);
    const keys = driver.notifications.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const notification of driver.notifications) {
      expect(notification.key).toMatch(/^finding-1:/);
      expect(notification).toMatchObject({ findingId: 'finding-1', caseId: 'case-1' });
      expect(notification.subject).toContain('工程招投标监管缺位');
      const cause = driver.events.find((event) => notification.key.startsWith(`finding-1:${event.seq}:`));
      expect(cause?.at).toBe(notification.at);
    }
    expect(driver.events.map((event) => event.seq)).toEqual(driver.events.map((_, index) => index + 2));
  });

  it('gives the same notification key when the same history is replayed (a retried send records once)', () => {
    const play = () => {
      const driver = Driver.rectifying();
      driver.advanceTo(day(44));
      return driver.notifications.map((n) => n.key);
    };
    expect(play()).toEqual(play());
    expect(play()).toHaveLength(4);
  });

  it('uses days only through the policy: seconds-long policies drive the same life', () => {
    const fast = {
      planDueMs: 5_000,
      remindBeforeMs: 3_000,
      escalationStepMs: 7_000,
      approvalSlaMs: 2_000,
      followUpAfterMs: 90_000,
      receiptDueMs: 4_000,
      interviewDueMs: 7_000,
    };
    const driver = new Driver(fast, seed({ dueAt: iso(T0 + 30_000) }));
    driver.step(cmd.submitPlan(), T0 + 1_000);
    driver.step(cmd.approvePlan(), T0 + 2_000);
    driver.advanceTo(T0 + 44_000);
    expect(types(driver.events).slice(2)).toEqual(['REMINDER_SENT', 'OVERDUE', 'ESCALATED', 'ESCALATED', 'ESCALATED']);
    expect(driver.events.filter((e) => e.type === 'ESCALATED').map((e) => e.at)).toEqual([
      iso(T0 + 30_000),
      iso(T0 + 37_000),
      iso(T0 + 44_000),
    ]);
  });
});
