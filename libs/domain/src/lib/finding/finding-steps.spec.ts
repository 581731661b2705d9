import type { FindingCommand } from '@reform/contracts';
import { Rejection } from './rejection';
import { DUE, Driver, OFFICER, SUPERVISOR, SUPERVISOR_2, UNIT, UNIT_2, cmd, day, iso, rejectionOf, types } from './finding-test-kit';

/** The step is refused with this failure type, and refusing it changed nothing. */
function expectRefused(driver: Driver, command: FindingCommand, nowMs: number): Rejection {
  driver.advanceTo(nowMs);
  const before = JSON.stringify(driver.lifecycle.state);
  const checked = rejectionOf(() => driver.lifecycle.check(command, nowMs));
  const applied = rejectionOf(() => driver.lifecycle.apply(command, nowMs));
  expect(checked).toBeInstanceOf(Rejection);
  expect(applied).toEqual(checked);
  expect(JSON.stringify(driver.lifecycle.state)).toBe(before);
  return checked as Rejection;
}

function reportSubmitted(by = UNIT): Driver {
  const driver = Driver.rectifying();
  driver.step(cmd.submitReport(by), day(10));
  return driver;
}

describe('finding steps — 回避: nobody decides their own request', () => {
  it('refuses a plan decided by its submitter, and lets another supervisor decide it', () => {
    const driver = new Driver();
    driver.step(cmd.submitPlan(SUPERVISOR), day(1)); // someone holding both roles
    for (const decide of [cmd.approvePlan, cmd.returnPlan]) {
      const refused = expectRefused(driver, decide(SUPERVISOR), day(1));
      expect(refused.failureType).toBe('RecusalRequired');
    }
    expect(types(driver.step(cmd.approvePlan(SUPERVISOR_2), day(1)))).toEqual(['PLAN_APPROVED']);
  });

  it('judges a resubmitted plan by who submitted it this time', () => {
    const driver = new Driver();
    driver.step(cmd.submitPlan(SUPERVISOR), day(1));
    driver.step(cmd.returnPlan(SUPERVISOR_2), day(1));
    driver.step(cmd.submitPlan(SUPERVISOR_2), day(2));
    expect(expectRefused(driver, cmd.approvePlan(SUPERVISOR_2), day(2)).failureType).toBe('RecusalRequired');
    expect(rejectionOf(() => driver.lifecycle.check(cmd.approvePlan(SUPERVISOR), day(2)))).toBeNull();
  });

  it('refuses a report verified by its submitter, pass or fail', () => {
    const driver = reportSubmitted(SUPERVISOR);
    for (const verify of [cmd.pass(SUPERVISOR), cmd.fail(undefined, SUPERVISOR), cmd.fail(day(60), SUPERVISOR)]) {
      expect(expectRefused(driver, verify, day(11)).failureType).toBe('RecusalRequired');
    }
    expect(rejectionOf(() => driver.lifecycle.check(cmd.pass(SUPERVISOR_2), day(11)))).toBeNull();
  });

  it('refuses verification by the officer who opened the case', () => {
    const driver = reportSubmitted();
    const opener = { id: OFFICER.id, name: OFFICER.name };
    for (const verify of [cmd.pass(opener), cmd.fail(undefined, opener)]) {
      const refused = expectRefused(driver, verify, day(11));
      expect(refused.failureType).toBe('RecusalRequired');
      expect(refused.message).toMatch(/case you opened/);
    }
  });

  it('refuses an extension decided by its requester, approve or deny', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(45), SUPERVISOR), day(3));
    for (const decide of [cmd.approveExtension, cmd.denyExtension]) {
      expect(expectRefused(driver, decide(SUPERVISOR), day(3)).failureType).toBe('RecusalRequired');
    }
    expect(types(driver.step(cmd.approveExtension(SUPERVISOR_2), day(3)))).toEqual(['EXTENSION_APPROVED']);
  });

  it('leaves decisions the system asked for (accountability, follow-up) to any supervisor, the case opener too', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(44));
    expect(rejectionOf(() => driver.lifecycle.check(cmd.refer(OFFICER), day(44)))).toBeNull();
    driver.step(cmd.submitReport(), day(45));
    driver.step(cmd.pass(SUPERVISOR), day(46));
    driver.advanceTo(day(136));
    expect(rejectionOf(() => driver.lifecycle.check(cmd.held(SUPERVISOR), day(136)))).toBeNull();
    expect(rejectionOf(() => driver.lifecycle.check(cmd.relapsed(day(160), OFFICER), day(136)))).toBeNull();
  });

  it('carries a message and no status for 回避 refusals', () => {
    const driver = reportSubmitted();
    const refused = expectRefused(driver, cmd.pass(UNIT), day(11));
    expect(refused).toBeInstanceOf(Error);
    expect(refused.message).toMatch(/someone other than/);
  });
});

describe('finding steps — steps not allowed in the current state', () => {
  const cases: [string, () => Driver, FindingCommand, string][] = [
    [
      'a second plan while one waits',
      () => {
        const d = new Driver();
        d.step(cmd.submitPlan(), day(1));
        return d;
      },
      cmd.submitPlan(UNIT_2),
      'PLAN_SUBMITTED',
    ],
    ['a plan once rectifying', () => Driver.rectifying(), cmd.submitPlan(), 'RECTIFYING'],
    ['a plan decision with no plan', () => new Driver(), cmd.approvePlan(), 'ASSIGNED'],
    ['a report before the plan is approved', () => new Driver(), cmd.submitReport(), 'ASSIGNED'],
    [
      'a report while the plan waits',
      () => {
        const d = new Driver();
        d.step(cmd.submitPlan(), day(1));
        return d;
      },
      cmd.submitReport(),
      'PLAN_SUBMITTED',
    ],
    ['a second report', () => reportSubmitted(), cmd.submitReport(), 'REPORT_SUBMITTED'],
    ['verifying with no report', () => Driver.rectifying(), cmd.pass(), 'RECTIFYING'],
    ['an extension decision with no request', () => Driver.rectifying(), cmd.approveExtension(), 'RECTIFYING'],
    ['an accountability decision when none is proposed', () => Driver.rectifying(), cmd.refer(), 'RECTIFYING'],
    ['a follow-up review while rectifying', () => Driver.rectifying(), cmd.held(), 'RECTIFYING'],
  ];

  it.each(cases)('refuses %s with StepNotAllowed and the current status', (_name, build, command, status) => {
    const driver = build();
    const refused = expectRefused(driver, command, day(12));
    expect(refused.failureType).toBe('StepNotAllowed');
    expect(refused.details).toEqual({ status });
  });

  it('refuses extensions, follow-ups not yet due and any further step on a closed finding', () => {
    const driver = reportSubmitted();
    driver.step(cmd.pass(), day(11));
    for (const command of [cmd.requestExtension(day(60)), cmd.held(), cmd.relapsed(day(60)), cmd.submitReport(), cmd.pass(SUPERVISOR_2)]) {
      const refused = expectRefused(driver, command, day(12));
      expect(refused.failureType).toBe('StepNotAllowed');
      expect(refused.details.status).toBe('CLOSED');
    }
  });

  it('refuses a second extension request while one is pending, and takes one once it is decided', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(40)), day(3));
    const refused = expectRefused(driver, cmd.requestExtension(day(50), UNIT_2), day(4));
    expect(refused.failureType).toBe('StepNotAllowed');
    expect(refused.details.status).toBe('RECTIFYING');
    expect(refused.message).toMatch(/already pending/);

    driver.step(cmd.denyExtension(), day(4));
    expect(types(driver.step(cmd.requestExtension(day(50)), day(5)))).toEqual(['EXTENSION_REQUESTED']);
  });
});

describe('finding steps — invalid commands', () => {
  it.each([
    ['equal to the current deadline', iso(DUE)],
    ['earlier than the current deadline', iso(DUE - 1)],
    ['in the past', iso(day(1))],
    ['not a date', 'next spring'],
    ['empty', ''],
  ])('refuses requestedDueAt %s with InvalidCommand on requestedDueAt', (_name, requestedDueAt) => {
    const driver = Driver.rectifying();
    const refused = expectRefused(driver, cmd.requestExtension(requestedDueAt), day(3));
    expect(refused.failureType).toBe('InvalidCommand');
    expect(refused.details).toMatchObject({ field: 'requestedDueAt' });
  });

  it('names the rule a refused deadline broke, for the console to word', () => {
    expect(expectRefused(Driver.rectifying(), cmd.requestExtension(iso(day(1))), day(3)).details).toEqual({
      field: 'requestedDueAt',
      rule: 'notInFuture',
    });
    expect(expectRefused(reportSubmitted(), cmd.fail(iso(day(5))), day(11)).details).toEqual({ field: 'newDueAt', rule: 'notInFuture' });
  });

  it('refuses an overdue finding’s requestedDueAt that is later than the deadline but already past', () => {
    const driver = Driver.rectifying();
    const refused = expectRefused(driver, cmd.requestExtension(day(35)), day(40));
    expect(refused.details).toMatchObject({ field: 'requestedDueAt' });
  });

  it.each([
    ['in the past', iso(day(5))],
    ['now', iso(day(11))],
    ['not a date', '2026-13-45'],
  ])('refuses a failed verification whose newDueAt is %s', (_name, newDueAt) => {
    const refused = expectRefused(reportSubmitted(), cmd.fail(newDueAt), day(11));
    expect(refused.failureType).toBe('InvalidCommand');
    expect(refused.details).toMatchObject({ field: 'newDueAt' });
  });

  it.each([
    ['missing', undefined],
    ['in the past', iso(day(50))],
    ['not a date', 'soon'],
  ])('refuses a relapse whose newDueAt is %s', (_name, newDueAt) => {
    const driver = reportSubmitted();
    driver.step(cmd.pass(), day(11));
    driver.advanceTo(day(101));
    const refused = expectRefused(driver, cmd.relapsed(newDueAt), day(102));
    expect(refused.failureType).toBe('InvalidCommand');
    expect(refused.details).toMatchObject({ field: 'newDueAt' });
  });
});

describe('finding steps — extensions (延期)', () => {
  it('approved: moves the deadline, clears overdue, keeps the level and re-arms the reminder', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(30));
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(types(driver.events).filter((type) => type === 'REMINDER_SENT')).toHaveLength(1);

    driver.step(cmd.requestExtension(day(60)), day(31));
    expect(driver.view.pendingApproval).toBe('extension');
    expect(driver.view.dueAt).toBe(iso(DUE)); // only an approved extension moves the deadline

    const approved = driver.step(cmd.approveExtension(), day(32));
    expect(approved.events[0]).toMatchObject({ type: 'EXTENSION_APPROVED', actor: SUPERVISOR.id, data: { dueAt: iso(day(60)) } });
    expect(driver.view).toMatchObject({ dueAt: iso(day(60)), overdue: false, escalationLevel: 1, pendingApproval: null });

    expect(driver.advanceTo(day(56))).toEqual([]); // the old ladder's step at day 37 is gone
    expect(types(driver.advanceTo(day(57)))).toEqual(['REMINDER_SENT']);
    expect(driver.events.at(-1)?.data).toEqual({ dueAt: iso(day(60)) });
  });

  it('denied: the deadline stays, the request is gone', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(60)), day(3));
    const denied = driver.step(cmd.denyExtension(), day(4));
    expect(denied.events.map((event) => [event.type, event.data])).toEqual([
      ['EXTENSION_DENIED', { comment: '不予延期', requestedDueAt: iso(day(60)) }],
    ]);
    expect(driver.view).toMatchObject({ dueAt: iso(DUE), pendingApproval: null, overdue: false });
    expect(types(driver.advanceTo(DUE))).toEqual(['REMINDER_SENT', 'OVERDUE', 'ESCALATED']);
  });

  it('may be asked while a report waits; closing the finding drops a request still pending', () => {
    const driver = reportSubmitted();
    driver.step(cmd.requestExtension(day(60)), day(11));
    expect(driver.view.pendingApproval).toBe('verification'); // the oldest pending decision
    driver.step(cmd.pass(), day(12));
    expect(driver.view).toMatchObject({ status: 'CLOSED', pendingApproval: null });
    expect(expectRefused(driver, cmd.approveExtension(SUPERVISOR_2), day(12)).failureType).toBe('StepNotAllowed');
  });
});

describe('finding steps — failed verification', () => {
  it('before the deadline, without a new date: back to RECTIFYING, the old deadline still runs', () => {
    const driver = reportSubmitted();
    const failed = driver.step(cmd.fail(), day(11));
    expect(failed.events.map((event) => [event.type, event.data])).toEqual([
      ['VERIFICATION_FAILED', { comment: '证据不足', newDueAt: null }],
    ]);
    expect(driver.view).toMatchObject({ status: 'RECTIFYING', dueAt: iso(DUE), overdue: false, pendingApproval: null });
    expect(types(driver.advanceTo(DUE))).toEqual(['REMINDER_SENT', 'OVERDUE', 'ESCALATED']);
  });

  it('before the deadline, with a new date: the deadline moves', () => {
    const driver = reportSubmitted();
    driver.step(cmd.fail(day(50)), day(11));
    expect(driver.view).toMatchObject({ status: 'RECTIFYING', dueAt: iso(day(50)), overdue: false });
    expect(types(driver.advanceTo(day(50)))).toEqual(['REMINDER_SENT', 'OVERDUE', 'ESCALATED']);
  });

  it('after the deadline of a report made in time, without a new date: overdue and level 1 at once', () => {
    const driver = reportSubmitted();
    driver.advanceTo(day(33));
    expect(driver.view.overdue).toBe(false);

    const failed = driver.step(cmd.fail(undefined, SUPERVISOR_2), day(34));
    expect(types(failed)).toEqual(['VERIFICATION_FAILED', 'OVERDUE', 'ESCALATED']);
    expect(failed.events[2].data).toEqual({ level: 1 });
    expect(driver.view).toMatchObject({ status: 'RECTIFYING', overdue: true, escalationLevel: 1, dueAt: iso(DUE) });
    expect(driver.lifecycle.nextWakeAt()).toBe(day(41));
    expect(types(driver.advanceTo(day(41)))).toEqual(['ESCALATED']);
  });

  it('after the deadline of a late report, without a new date: still overdue (no second OVERDUE), the ladder continues one step later', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(30));
    driver.step(cmd.submitReport(), day(31));
    expect(types(driver.advanceTo(day(38)))).toEqual(['APPROVAL_OVERDUE']); // no rung 2 (due day 37): the report paused the ladder
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 1 });

    const failed = driver.step(cmd.fail(), day(39));
    expect(types(failed)).toEqual(['VERIFICATION_FAILED']);
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.lifecycle.nextWakeAt()).toBe(day(46));
    expect(types(driver.advanceTo(day(53)))).toEqual(['ESCALATED', 'ESCALATED']);
    expect(driver.view).toMatchObject({ escalationLevel: 3, accountability: 'proposed' });
  });

  it('after the deadline, with a new date: not overdue until it passes, the level is kept and the ladder continues', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(30));
    driver.step(cmd.submitReport(), day(31));
    driver.step(cmd.fail(day(50)), day(32));
    expect(driver.view).toMatchObject({ status: 'RECTIFYING', dueAt: iso(day(50)), overdue: false, escalationLevel: 1 });

    expect(types(driver.advanceTo(day(50)))).toEqual(['REMINDER_SENT', 'OVERDUE']);
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.lifecycle.nextWakeAt()).toBe(day(57));
    const next = driver.advanceTo(day(57));
    expect(next.map((event) => [event.type, event.data])).toEqual([['ESCALATED', { level: 2 }]]);
  });
});

describe('finding steps — accountability (问责)', () => {
  function proposed(): Driver {
    const driver = Driver.rectifying();
    driver.advanceTo(day(44));
    expect(driver.view).toMatchObject({ escalationLevel: 3, accountability: 'proposed', pendingApproval: 'accountability' });
    return driver;
  }

  it('referred: recorded, the pending decision cleared, deciding again refused', () => {
    const driver = proposed();
    const referred = driver.step(cmd.refer(), day(45));
    expect(referred.events.map((event) => [event.type, event.actor, event.data])).toEqual([
      ['ACCOUNTABILITY_REFERRED', SUPERVISOR.id, { comment: '移送问责' }],
    ]);
    expect(driver.view).toMatchObject({ accountability: 'referred', pendingApproval: null, escalationLevel: 3, overdue: true });

    for (const again of [cmd.refer(SUPERVISOR_2), cmd.reject(SUPERVISOR_2)]) {
      const refused = expectRefused(driver, again, day(46));
      expect(refused.failureType).toBe('StepNotAllowed');
      expect(refused.details).toEqual({ status: 'RECTIFYING' });
    }
  });

  it('rejected: recorded with its reason; the finding must still be rectified and verified', () => {
    const driver = proposed();
    const rejected = driver.step(cmd.reject(), day(45));
    expect(rejected.events.map((event) => [event.type, event.data])).toEqual([['ACCOUNTABILITY_REJECTED', { comment: '情节轻微' }]]);
    expect(driver.view).toMatchObject({ accountability: 'rejected', status: 'RECTIFYING', pendingApproval: null });
    expect(expectRefused(driver, cmd.refer(SUPERVISOR_2), day(46)).failureType).toBe('StepNotAllowed');
    expect(driver.advanceTo(day(400)).filter((event) => event.type === 'ESCALATED')).toEqual([]);
  });
});

describe('finding steps — accountability outcome (问责结果)', () => {
  function referred(): Driver {
    const driver = Driver.rectifying();
    driver.advanceTo(day(44));
    driver.step(cmd.refer(), day(45));
    return driver;
  }

  it('is refused unless the accountability was referred, the message saying where it stands', () => {
    const rectifying = Driver.rectifying();
    const none = expectRefused(rectifying, cmd.outcome(), day(12));
    expect(none.failureType).toBe('StepNotAllowed');
    expect(none.message).toContain('accountability is none, not referred');
    expect(none.details).toEqual({ status: 'RECTIFYING' });

    const proposed = Driver.rectifying();
    proposed.advanceTo(day(44));
    expect(expectRefused(proposed, cmd.outcome(), day(45)).message).toContain('accountability is proposed, not referred');

    const rejected = Driver.rectifying();
    rejected.advanceTo(day(44));
    rejected.step(cmd.reject(), day(45));
    expect(expectRefused(rejected, cmd.outcome(), day(46)).message).toContain('accountability is rejected, not referred');
  });

  it('records ACCOUNTABILITY_DECIDED with the outcome as its data, and the finding shows it; a second outcome is refused', () => {
    const driver = referred();
    const decided = driver.step(cmd.outcome(), day(46));
    const outcome = {
      target: 'leader',
      personName: '刘局长',
      form: '诫勉',
      decidedBy: '县委',
      decisionDocNo: '县委〔2026〕5号',
      decidedAt: iso(day(44)),
      fourForm: 2,
    };
    expect(decided.events.map((event) => [event.type, event.actor, event.data])).toEqual([
      ['ACCOUNTABILITY_DECIDED', SUPERVISOR.id, outcome],
    ]);
    expect(driver.view).toMatchObject({
      accountability: 'decided',
      accountabilityOutcome: outcome,
      pendingApproval: null,
      status: 'RECTIFYING',
    });
    expect(driver.lifecycle.record().accountabilityOutcome).toEqual(outcome);
    expect(expectRefused(driver, cmd.outcome({}, SUPERVISOR_2), day(47)).message).toContain('accountability is decided, not referred');
  });

  it('keeps no person for an organisation', () => {
    const driver = referred();
    driver.step(cmd.outcome({ target: 'organisation', form: '通报', personName: '不应保留', fourForm: 1 }), day(46));
    expect(driver.view.accountabilityOutcome).toMatchObject({ target: 'organisation', form: '通报', personName: null, fourForm: 1 });
  });

  it.each([
    [{ target: 'organisation', form: '诫勉' }, 'form', 'form must be one of 检查, 通报, 改组 when target is organisation'],
    [{ target: 'leader', form: '改组' }, 'form', 'form must be one of 通报批评, 诫勉, 组织调整, 组织处理, 纪律处分 when target is leader'],
    [{ target: 'leader', personName: null }, 'personName', 'personName is required when target is leader'],
    [{ target: 'leader', personName: '  ' }, 'personName', 'personName is required when target is leader'],
    [{ decidedAt: iso(day(46) + 1) }, 'decidedAt', 'decidedAt must not be in the future'],
  ] as const)('refuses %j as invalid, naming %s, recording nothing', (overrides, field, message) => {
    const driver = referred();
    const before = driver.lifecycle.state.seq;
    const refused = expectRefused(driver, cmd.outcome(overrides as never), day(46));
    expect(refused).toMatchObject({ failureType: 'InvalidCommand', message, details: { field } });
    expect(driver.lifecycle.state.seq).toBe(before);
    expect(driver.view.accountability).toBe('referred');
  });

  it('takes an outcome decided just now', () => {
    const driver = referred();
    driver.step(cmd.outcome({ decidedAt: iso(day(46)) }), day(46));
    expect(driver.view.accountability).toBe('decided');
  });
});
