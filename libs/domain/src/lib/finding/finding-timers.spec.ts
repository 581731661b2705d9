import { zonedInstant } from '../calendar/zoned-time';
import { readPolicy } from '../policy';
import { DUE, Driver, HOUR, POLICY, SUPERVISOR_2, UNIT, cmd, day, iso, seed, types } from './finding-test-kit';

const count = (driver: Driver, type: string) => driver.events.filter((event) => event.type === type).length;

describe('finding timers — plan due (整改方案逾期)', () => {
  it('fires PLAN_OVERDUE once at planDueAt, with a notice to the unit', () => {
    const driver = new Driver();
    expect(driver.advanceTo(day(5) - 1)).toEqual([]);

    const fired = driver.advanceTo(day(5));
    expect(fired.map((event) => [event.type, event.data, event.actor])).toEqual([['PLAN_OVERDUE', { planDueAt: iso(day(5)) }, 'system']]);
    expect(driver.notifications).toEqual([
      expect.objectContaining({ kind: 'PLAN_OVERDUE_NOTICE', recipient: { kind: 'unit', unitId: 'U1' }, at: iso(day(5)) }),
    ]);
    expect(driver.view.status).toBe('ASSIGNED'); // the plan is still owed

    driver.tick(day(5));
    driver.tick(day(6));
    driver.advanceTo(day(20));
    expect(count(driver, 'PLAN_OVERDUE')).toBe(1);
  });

  it('never fires once a plan is submitted in time, even if that plan is later approved or waits long', () => {
    const driver = new Driver();
    driver.step(cmd.submitPlan(), day(4));
    driver.advanceTo(day(12));
    driver.step(cmd.approvePlan(), day(12));
    driver.advanceTo(day(200));
    expect(count(driver, 'PLAN_OVERDUE')).toBe(0);
  });

  it('a late plan still goes through; the plan-due timer does not fire again', () => {
    const driver = new Driver();
    driver.advanceTo(day(6));
    driver.step(cmd.submitPlan(), day(7));
    driver.step(cmd.approvePlan(), day(8));
    expect(driver.view.status).toBe('RECTIFYING');
    driver.advanceTo(day(25));
    expect(count(driver, 'PLAN_OVERDUE')).toBe(1);
  });

  it('after a return, falls due POLICY_PLAN_DUE after the return, not at the first plan-due time', () => {
    const driver = new Driver();
    driver.step(cmd.submitPlan(), day(1));
    driver.step(cmd.returnPlan(), day(2));
    expect(driver.advanceTo(day(7) - 1)).toEqual([]);
    expect(types(driver.advanceTo(day(7)))).toEqual(['PLAN_OVERDUE']);
  });

  it('does not hold up the rectification deadline, which runs whatever the plan’s state', () => {
    const driver = new Driver();
    driver.step(cmd.submitPlan(), day(1));
    driver.step(cmd.returnPlan(), day(2));
    expect(types(driver.advanceTo(DUE))).toEqual(['PLAN_OVERDUE', 'REMINDER_SENT', 'OVERDUE', 'ESCALATED']);
    expect(driver.view).toMatchObject({ status: 'ASSIGNED', overdue: true, escalationLevel: 1 });
  });
});

describe('finding timers — reminder (整改时限提醒)', () => {
  it('sends exactly one reminder POLICY_REMIND_BEFORE before dueAt, however often the finding wakes', () => {
    const driver = Driver.rectifying();
    expect(driver.lifecycle.nextWakeAt()).toBe(day(27));
    for (let now = day(26); now < DUE; now += HOUR) driver.tick(now);

    expect(count(driver, 'REMINDER_SENT')).toBe(1);
    const reminder = driver.events.find((event) => event.type === 'REMINDER_SENT');
    expect(reminder).toMatchObject({ at: iso(day(27)), data: { dueAt: iso(DUE) }, actor: 'system' });
    expect(driver.notifications).toEqual([
      expect.objectContaining({
        kind: 'REMINDER',
        recipient: { kind: 'unit', unitId: 'U1' },
        data: expect.objectContaining({ dueAt: iso(DUE) }),
      }),
    ]);
  });

  it('re-arms for a moved deadline: one reminder per deadline', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(28));
    driver.step(cmd.requestExtension(day(50)), day(28));
    driver.step(cmd.approveExtension(), day(29));
    driver.advanceTo(day(50));
    expect(driver.events.filter((e) => e.type === 'REMINDER_SENT').map((e) => [e.at, e.data])).toEqual([
      [iso(day(27)), { dueAt: iso(DUE) }],
      [iso(day(47)), { dueAt: iso(day(50)) }],
    ]);
  });

  it('is sent at once when a moved deadline is already nearer than POLICY_REMIND_BEFORE', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.submitReport(), day(10));
    driver.step(cmd.fail(day(12)), day(11));
    expect(driver.lifecycle.nextWakeAt()).toBe(day(9));
    expect(driver.advanceTo(day(11)).map((event) => [event.type, event.at])).toEqual([['REMINDER_SENT', iso(day(11))]]);
  });

  it('is not sent when its time is only reached after dueAt, and then counts as done', () => {
    const driver = Driver.rectifying();
    const fired = driver.tick(day(31));
    expect(types(fired)).toEqual(['OVERDUE', 'ESCALATED']);
    expect(driver.lifecycle.nextWakeAt()).toBe(day(37));
    driver.advanceTo(day(60));
    expect(count(driver, 'REMINDER_SENT')).toBe(0);
  });

  it('is not sent while a report waits for verification', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.submitReport(), day(20));
    driver.advanceTo(day(29));
    expect(count(driver, 'REMINDER_SENT')).toBe(0);
  });
});

describe('finding timers — deadline and escalation ladder (督办 → 约谈 → 问责)', () => {
  it('at dueAt: OVERDUE and ESCALATED 1, then 2 and 3 one step apart, and never 4', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(27));
    expect(driver.advanceTo(DUE - 1)).toEqual([]);

    const missed = driver.advanceTo(DUE);
    expect(missed.map((event) => [event.type, event.data])).toEqual([
      ['OVERDUE', { dueAt: iso(DUE) }],
      ['ESCALATED', { level: 1 }],
    ]);
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 1, accountability: 'none', status: 'RECTIFYING' });
    expect(driver.notifications.at(-1)).toMatchObject({
      kind: 'SUPERVISION_NOTICE',
      recipient: { kind: 'unit', unitId: 'U1' },
      data: { level: 1, escalationLevel: 1, dueAt: iso(DUE) },
    });

    expect(driver.advanceTo(day(37) - 1)).toEqual([]);
    expect(driver.advanceTo(day(37)).map((event) => event.data)).toEqual([{ level: 2 }]);
    expect(driver.notifications.at(-1)).toMatchObject({ kind: 'INTERVIEW_NOTICE', recipient: { kind: 'unit', unitId: 'U1' } });

    expect(driver.advanceTo(day(44)).map((event) => event.data)).toEqual([{ level: 3 }]);
    expect(driver.view).toMatchObject({ escalationLevel: 3, accountability: 'proposed', pendingApproval: 'accountability' });
    expect(driver.lifecycle.record().pendingSince).toBe(iso(day(44)));
    expect(driver.notifications.at(-1)).toMatchObject({ kind: 'ACCOUNTABILITY_PROPOSED', recipient: { kind: 'supervisors' } });

    driver.step(cmd.refer(), day(45));
    driver.advanceTo(day(500));
    expect(count(driver, 'ESCALATED')).toBe(3);
    expect(count(driver, 'OVERDUE')).toBe(1);
    expect(driver.view).toMatchObject({ escalationLevel: 3, overdue: true, status: 'RECTIFYING' });
  });

  it('catches up after downtime: one late fireDueTimers fires every missed rung, counted from when each was due', () => {
    const driver = new Driver();
    const fired = driver.tick(day(40)).events;
    expect(fired.map((event) => [event.type, event.data])).toEqual([
      ['PLAN_OVERDUE', { planDueAt: iso(day(5)) }],
      ['OVERDUE', { dueAt: iso(DUE) }],
      ['ESCALATED', { level: 1 }],
      ['ESCALATED', { level: 2 }],
    ]);
    expect(fired.map((event) => event.seq)).toEqual([2, 3, 4, 5]);
    expect(driver.lifecycle.nextWakeAt()).toBe(day(44)); // rung 3 one step after rung 2 was due, not after day 40

    const late = driver.tick(day(100)).events;
    expect(late.map((event) => event.data)).toEqual([{ level: 3 }]);
    expect(driver.view.escalationLevel).toBe(3);
  });

  it('stops the clock for a report submitted in time: no OVERDUE while REPORT_SUBMITTED', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.submitReport(), day(29));
    driver.advanceTo(day(200));
    expect(types(driver.events).slice(2)).toEqual(['REMINDER_SENT', 'REPORT_SUBMITTED', 'APPROVAL_OVERDUE']);
    expect(driver.view).toMatchObject({ status: 'REPORT_SUBMITTED', overdue: false, escalationLevel: 0 });
  });

  it('pauses the ladder for a late report: overdue stays true, no further rung while it waits', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(36));
    driver.step(cmd.submitReport(), day(36));
    driver.advanceTo(day(200));
    expect(count(driver, 'ESCALATED')).toBe(1);
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 1 });

    driver.step(cmd.pass(), day(201));
    expect(driver.view).toMatchObject({ status: 'CLOSED', overdue: false, escalationLevel: 1 });
  });

  it('continues from the level reached after an extension, one step after the new miss', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(37));
    driver.step(cmd.requestExtension(day(60)), day(38));
    driver.step(cmd.approveExtension(), day(39));
    expect(driver.view).toMatchObject({ overdue: false, escalationLevel: 2 });

    const missed = driver.advanceTo(day(60));
    expect(types(missed)).toEqual(['REMINDER_SENT', 'OVERDUE']);
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 2 });
    expect(driver.advanceTo(day(67)).map((event) => [event.type, event.at, event.data])).toEqual([
      ['ESCALATED', iso(day(67)), { level: 3 }],
    ]);
  });

  it('after level 3, a new miss is OVERDUE only, and the ladder stays at 3', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(44));
    driver.step(cmd.reject(), day(45));
    driver.step(cmd.requestExtension(day(60)), day(45));
    driver.step(cmd.approveExtension(), day(46));
    expect(types(driver.advanceTo(day(300)))).toEqual(['REMINDER_SENT', 'OVERDUE']);
    expect(driver.view).toMatchObject({ escalationLevel: 3, accountability: 'rejected', overdue: true });
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
  });
});

describe('finding timers — approval SLA (审批超时)', () => {
  it('fires one APPROVAL_OVERDUE per pending decision, to the supervisors’ queue', () => {
    const driver = new Driver();
    driver.step(cmd.submitPlan(), day(1));
    expect(driver.advanceTo(day(3) - 1)).toEqual([]);
    const late = driver.advanceTo(day(3));
    expect(late.map((event) => [event.type, event.data])).toEqual([['APPROVAL_OVERDUE', { pendingApproval: 'plan', since: iso(day(1)) }]]);
    expect(driver.notifications.at(-1)).toMatchObject({ kind: 'APPROVAL_OVERDUE', recipient: { kind: 'supervisors' } });
    driver.tick(day(4));
    expect(count(driver, 'APPROVAL_OVERDUE')).toBe(1);

    driver.step(cmd.returnPlan(), day(4));
    driver.step(cmd.submitPlan(), day(5));
    driver.advanceTo(day(8));
    expect(count(driver, 'APPROVAL_OVERDUE')).toBe(2); // a new pending decision has its own SLA
  });

  it('reports each of several pending decisions once, and shows the oldest as pendingApproval', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(60)), day(9));
    driver.step(cmd.submitReport(), day(10));
    expect(driver.view.pendingApproval).toBe('extension');
    expect(driver.lifecycle.record().pendingSince).toBe(iso(day(9)));

    driver.advanceTo(day(30));
    expect(driver.events.filter((e) => e.type === 'APPROVAL_OVERDUE').map((e) => [e.at, e.data])).toEqual([
      [iso(day(11)), { pendingApproval: 'extension', since: iso(day(9)) }],
      [iso(day(12)), { pendingApproval: 'verification', since: iso(day(10)) }],
    ]);

    driver.step(cmd.approveExtension(), day(31));
    expect(driver.view.pendingApproval).toBe('verification');
    expect(driver.lifecycle.record().pendingSince).toBe(iso(day(10)));
  });

  it('is not reported for a decision taken in time', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.submitReport(UNIT), day(10));
    driver.step(cmd.pass(SUPERVISOR_2), day(12) - 1);
    driver.advanceTo(day(50));
    expect(count(driver, 'APPROVAL_OVERDUE')).toBe(0);
  });
});

describe('finding timers — a step applied before its due timers fired', () => {
  it('records the missed deadline before a late report (the timer and the step raced)', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(27));
    const effects = driver.lifecycle.apply(cmd.submitReport(), day(31)); // no fireDueTimers in between
    expect(types(effects)).toEqual(['OVERDUE', 'ESCALATED', 'REPORT_SUBMITTED']);
    expect(effects.events.map((event) => event.seq)).toEqual([5, 6, 7]);
    expect(driver.view).toMatchObject({ status: 'REPORT_SUBMITTED', overdue: true, escalationLevel: 1 });
  });

  it('does not fire anything when the step is refused', () => {
    const driver = Driver.rectifying();
    const before = JSON.stringify(driver.lifecycle.state);
    expect(() => driver.lifecycle.apply(cmd.pass(), day(100))).toThrow();
    expect(JSON.stringify(driver.lifecycle.state)).toBe(before);
  });

  it('keeps a late extension approval from erasing a miss that already happened', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(60)), day(29));
    driver.advanceTo(day(29));
    const effects = driver.lifecycle.apply(cmd.approveExtension(), day(30) + HOUR);
    // The request was waiting when the deadline passed, so the miss is OVERDUE without a rung.
    expect(types(effects)).toEqual(['OVERDUE', 'EXTENSION_APPROVED']);
    expect(driver.view).toMatchObject({ dueAt: iso(day(60)), overdue: false, escalationLevel: 0 });
  });
});

it('uses the seed’s own createdAt and dueAt (another finding, another clock)', () => {
  const driver = new Driver(POLICY, seed({ id: 'finding-2', createdAt: iso(day(100)), dueAt: iso(day(110)) }));
  expect(driver.lifecycle.nextWakeAt()).toBe(day(105));
  expect(types(driver.advanceTo(day(110)))).toEqual(['PLAN_OVERDUE', 'REMINDER_SENT', 'OVERDUE', 'ESCALATED']);
  expect(driver.notifications.every((n) => n.key.startsWith('finding-2:'))).toBe(true);
});

describe('finding timers — a policy written in months (calendar months in TZ_BUSINESS)', () => {
  const policy = readPolicy({ POLICY_PLAN_DUE: 'P1M', POLICY_REMIND_BEFORE: 'P1M', POLICY_ESCALATION_STEP: 'P1M' }, 'Asia/Shanghai');
  const shanghai = (date: string, time: string) => zonedInstant('Asia/Shanghai', date, time);

  it('counts plan due, reminder and each rung on the calendar: the same day of the month, else its last day', () => {
    const dueAt = shanghai('2026-05-31', '18:00');
    const driver = new Driver(policy, seed({ dueAt: iso(dueAt) }));
    expect(driver.lifecycle.state.planDueAt).toBe(iso(shanghai('2026-04-02', '08:00'))); // assigned 2 Mar, 08:00 in Shanghai
    driver.advanceTo(shanghai('2026-08-31', '00:00'));
    const at = (type: string) => driver.events.filter((event) => event.type === type).map((event) => event.at);
    expect(at('PLAN_OVERDUE')).toEqual([iso(shanghai('2026-04-02', '08:00'))]);
    expect(at('REMINDER_SENT')).toEqual([iso(shanghai('2026-04-30', '18:00'))]); // no 31 April
    expect(at('ESCALATED')).toEqual([
      iso(dueAt),
      iso(shanghai('2026-06-30', '18:00')),
      iso(shanghai('2026-07-30', '18:00')), // a month after rung 2 was due
    ]);
  });
});
