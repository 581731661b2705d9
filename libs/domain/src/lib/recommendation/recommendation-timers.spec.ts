import { zonedInstant } from '../calendar/zoned-time';
import { readPolicy } from '../policy';
import { DAY, HOUR, POLICY, REPLY_DUE, RecommendationDriver, day, iso, rcmd, recommendationSeed, types } from './recommendation-test-kit';

const recipients = (driver: RecommendationDriver, kind: string) =>
  driver.notifications.filter((notification) => notification.kind === kind).map((notification) => notification.recipient);

describe('recommendation timers — sign-off SLA (签发超时)', () => {
  it('fires APPROVAL_OVERDUE once, POLICY_APPROVAL_SLA after submission, to the supervisors', () => {
    const driver = RecommendationDriver.pending();
    expect(driver.lifecycle.nextWakeAt()).toBe(day(3));
    expect(driver.advanceTo(day(3) - 1)).toEqual([]);
    const fired = driver.advanceTo(day(3));
    expect(fired.map((event) => [event.type, event.data, event.at, event.actor])).toEqual([
      ['APPROVAL_OVERDUE', { pendingApproval: 'signoff', since: iso(day(1)) }, iso(day(3)), 'system'],
    ]);
    expect(recipients(driver, 'APPROVAL_OVERDUE')).toEqual([{ kind: 'supervisors' }]);
    for (let now = day(3); now < day(10); now += HOUR) driver.tick(now);
    driver.advanceTo(day(20));
    expect(driver.count('APPROVAL_OVERDUE')).toBe(1);
    expect(driver.view.status).toBe('PENDING_SIGNOFF');
  });

  it('runs once per submission: a returned and resubmitted draft may be late again', () => {
    const driver = RecommendationDriver.pending();
    driver.advanceTo(day(3));
    driver.step(rcmd.return(), day(4));
    expect(driver.lifecycle.nextWakeAt()).toBeNull(); // a draft has no timer
    driver.advanceTo(day(20));
    driver.step(rcmd.submit(), day(20));
    expect(types(driver.advanceTo(day(22)))).toEqual(['APPROVAL_OVERDUE']);
    expect(driver.events.filter((event) => event.type === 'APPROVAL_OVERDUE').map((event) => event.data['since'])).toEqual([
      iso(day(1)),
      iso(day(20)),
    ]);
  });

  it('never fires for a draft signed off in time, nor while it is being issued, nor after', () => {
    const inTime = RecommendationDriver.pending();
    inTime.step(rcmd.return(), day(2));
    inTime.advanceTo(day(25));
    expect(inTime.count('APPROVAL_OVERDUE')).toBe(0);

    const issuing = RecommendationDriver.pending();
    issuing.step(rcmd.approve(), day(2));
    expect(issuing.lifecycle.nextWakeAt()).toBeNull(); // the document is being rendered: nothing to wake for
    expect(issuing.tick(day(4))).toEqual({ events: [], notifications: [] });
    issuing.issue();
    issuing.advanceTo(day(5));
    expect(issuing.count('APPROVAL_OVERDUE')).toBe(0);
  });
});

describe('recommendation timers — receipt due (催签)', () => {
  it('fires RECEIPT_OVERDUE once at receiptDueAt, to the unit and its tracking office; 签收 clears the flag', () => {
    const driver = RecommendationDriver.issued();
    expect(driver.lifecycle.nextWakeAt()).toBe(day(2) + POLICY.receiptDueMs);
    expect(driver.advanceTo(day(6) - 1)).toEqual([]);
    const fired = driver.advanceTo(day(6));
    expect(fired.map((event) => [event.type, event.data, event.at])).toEqual([
      ['RECEIPT_OVERDUE', { receiptDueAt: iso(day(6)) }, iso(day(6))],
    ]);
    expect(driver.view.overdue).toEqual({ receipt: true, reply: false });
    expect(recipients(driver, 'RECEIPT_OVERDUE')).toEqual([
      { kind: 'unit', unitId: 'U1' },
      { kind: 'office', orgUnitId: 'O1' },
    ]);
    expect(driver.notifications.filter((n) => n.kind === 'RECEIPT_OVERDUE').map((n) => n.key)).toEqual([
      `rec-1:${fired[0].seq}:RECEIPT_OVERDUE:U1`,
      `rec-1:${fired[0].seq}:RECEIPT_OVERDUE:O1`,
    ]);
    for (let now = day(6); now < day(9); now += HOUR) driver.tick(now);
    expect(driver.count('RECEIPT_OVERDUE')).toBe(1);

    driver.step(rcmd.signReceipt(), day(9));
    expect(driver.view).toMatchObject({ status: 'RECEIVED', overdue: { receipt: false, reply: false } });
    driver.advanceTo(day(29));
    expect(driver.count('RECEIPT_OVERDUE')).toBe(1);
  });

  it('never fires when signed for in time', () => {
    const driver = RecommendationDriver.received();
    driver.advanceTo(day(29));
    expect(driver.count('RECEIPT_OVERDUE')).toBe(0);
    expect(driver.view.overdue.receipt).toBe(false);
  });

  it('a receipt after the due moment first records the miss, then clears it', () => {
    const driver = RecommendationDriver.issued();
    const effects = driver.lifecycle.apply(rcmd.signReceipt(), day(8));
    expect(types(effects)).toEqual(['RECEIPT_OVERDUE', 'RECEIPT_SIGNED']);
    expect(driver.view.overdue.receipt).toBe(false);
  });
});

describe('recommendation timers — reply reminder and reply due (回复时限)', () => {
  it('reminds the unit once, POLICY_REMIND_BEFORE before replyDueAt, whether signed for or not', () => {
    for (const driver of [RecommendationDriver.issued(), RecommendationDriver.received()]) {
      driver.advanceTo(day(27) - 1);
      expect(driver.count('REMINDER_SENT')).toBe(0);
      for (let now = day(27) - HOUR; now < REPLY_DUE; now += HOUR) driver.tick(now);
      const reminders = driver.events.filter((event) => event.type === 'REMINDER_SENT');
      expect(reminders.map((event) => [event.at, event.data])).toEqual([
        [iso(REPLY_DUE - POLICY.remindBeforeMs), { replyDueAt: iso(REPLY_DUE) }],
      ]);
      expect(recipients(driver, 'REMINDER')).toEqual([{ kind: 'unit', unitId: 'U1' }]);
    }
  });

  it('issued after the reminder moment: the reminder is sent at once, as a finding’s late reminder is', () => {
    const driver = new RecommendationDriver();
    driver.step(rcmd.submit(), day(28));
    driver.step(rcmd.approve(), day(28));
    driver.issue();
    expect(driver.lifecycle.nextWakeAt()).toBe(day(27)); // already due
    expect(driver.advanceTo(day(28)).map((event) => [event.type, event.at])).toEqual([['REMINDER_SENT', iso(day(28))]]);
    driver.advanceTo(day(29));
    expect(driver.count('REMINDER_SENT')).toBe(1);
  });

  it('sends no reminder when its moment is only reached after the deadline, and counts it as done', () => {
    const driver = RecommendationDriver.received();
    const fired = driver.tick(day(31));
    expect(types(fired)).toEqual(['REPLY_OVERDUE']);
    expect(driver.state.replyReminded).toBe(true);
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
  });

  it('fires REPLY_OVERDUE once at replyDueAt, with a notice to the unit and the office', () => {
    const driver = RecommendationDriver.received();
    driver.advanceTo(REPLY_DUE - 1);
    expect(driver.count('REPLY_OVERDUE')).toBe(0);
    const fired = driver.advanceTo(REPLY_DUE);
    expect(fired.map((event) => [event.type, event.data, event.at])).toEqual([
      ['REPLY_OVERDUE', { replyDueAt: iso(REPLY_DUE) }, iso(REPLY_DUE)],
    ]);
    expect(driver.view.overdue).toEqual({ receipt: false, reply: true });
    expect(recipients(driver, 'REPLY_OVERDUE')).toEqual([
      { kind: 'unit', unitId: 'U1' },
      { kind: 'office', orgUnitId: 'O1' },
    ]);
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
    for (let now = REPLY_DUE; now < REPLY_DUE + 3 * DAY; now += HOUR) driver.tick(now);
    expect(driver.count('REPLY_OVERDUE')).toBe(1);

    // A late reply is still taken, and clears the flag.
    driver.step(rcmd.reply(), day(40));
    expect(driver.view).toMatchObject({ status: 'REPLIED', overdue: { receipt: false, reply: false } });
  });

  it('never signed for: receipt overdue, then reminder, then reply overdue, each once', () => {
    const driver = RecommendationDriver.issued();
    driver.advanceTo(day(60));
    expect(types(driver.events.filter((event) => event.entityType === 'recommendation' && event.actor === 'system'))).toEqual([
      'RECEIPT_OVERDUE',
      'REMINDER_SENT',
      'REPLY_OVERDUE',
    ]);
    expect(driver.view).toMatchObject({ status: 'ISSUED', overdue: { receipt: true, reply: true } });
    driver.step(rcmd.signReceipt(), day(61));
    expect(driver.view.overdue).toEqual({ receipt: false, reply: true });
    driver.step(rcmd.reply(), day(62));
    expect(driver.view.overdue).toEqual({ receipt: false, reply: false });
  });

  it('a late reply records the miss first, then the reply', () => {
    const driver = RecommendationDriver.received();
    expect(types(driver.lifecycle.apply(rcmd.reply(), day(31)))).toEqual(['REPLY_OVERDUE', 'REPLY_SUBMITTED']);
    expect(driver.view.overdue.reply).toBe(false);
  });

  it('no timer runs once replied', () => {
    const driver = RecommendationDriver.replied();
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
    driver.advanceTo(day(90));
    for (const type of ['REMINDER_SENT', 'REPLY_OVERDUE', 'RECEIPT_OVERDUE', 'APPROVAL_OVERDUE']) expect(driver.count(type)).toBe(0);
  });

  it('no timer runs for a draft, even with its reply deadline long past', () => {
    const driver = new RecommendationDriver(POLICY, recommendationSeed());
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
    expect(driver.tick(day(90))).toEqual({ events: [], notifications: [] });
  });
});

describe('recommendation timers — a policy written in months', () => {
  it('counts the sign-off SLA and the receipt due on the calendar in TZ_BUSINESS', () => {
    const policy = readPolicy({ POLICY_APPROVAL_SLA: 'P1M', POLICY_RECEIPT_DUE: 'P1M1D' }, 'Asia/Shanghai');
    const pending = RecommendationDriver.pending(policy); // submitted 3 Mar, 08:00 in Shanghai
    expect(pending.lifecycle.nextWakeAt()).toBe(zonedInstant('Asia/Shanghai', '2026-04-03', '08:00'));
    const issued = RecommendationDriver.issued(policy); // issued 4 Mar, 08:00 in Shanghai
    expect(issued.state.receiptDueAt).toBe(iso(zonedInstant('Asia/Shanghai', '2026-04-05', '08:00')));
  });
});
