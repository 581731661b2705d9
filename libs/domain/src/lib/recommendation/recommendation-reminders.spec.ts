import type { Policy } from '@reform/contracts';
import { readPolicy } from '../policy';
import { HOUR, POLICY, REPLY_DUE, RecommendationDriver, day, iso, rcmd, types } from './recommendation-test-kit';

const { remindBeforeMs, reminders: offsets } = readPolicy({ POLICY_REMIND_BEFORE: 'P7D,P3D,P1D' });
const LISTED: Policy = { ...POLICY, remindBeforeMs, reminders: offsets };

const reminders = (driver: RecommendationDriver) =>
  driver.events.filter((event) => event.type === 'REMINDER_SENT').map((event) => [event.at, event.data['before']]);

describe('recommendation timers — several reply reminders (POLICY_REMIND_BEFORE=P7D,P3D,P1D)', () => {
  it('reminds the unit once per offset before replyDueAt, in order, however often it wakes', () => {
    const driver = RecommendationDriver.received(LISTED);
    for (let now = day(20); now < REPLY_DUE; now += HOUR) driver.tick(now);
    expect(reminders(driver)).toEqual([
      [iso(day(23)), 'P7D'],
      [iso(day(27)), 'P3D'],
      [iso(day(29)), 'P1D'],
    ]);
    expect(driver.events.filter((event) => event.type === 'REMINDER_SENT').map((event) => event.data['replyDueAt'])).toEqual(
      Array(3).fill(iso(REPLY_DUE)),
    );
    expect(driver.notifications.filter((n) => n.kind === 'REMINDER').map((n) => n.recipient)).toEqual(
      Array(3).fill({ kind: 'unit', unitId: 'U1' }),
    );
    expect(driver.state).toMatchObject({ replyReminded: true, replyRemindersSent: 3 });
    expect(driver.lifecycle.nextWakeAt()).toBe(REPLY_DUE);
  });

  it('issued after two offsets had passed: one reminder at once, for the nearer of them, then the last at its time', () => {
    const driver = new RecommendationDriver(LISTED);
    driver.step(rcmd.submit(), day(28));
    driver.step(rcmd.approve(), day(28));
    driver.issue();
    expect(driver.lifecycle.nextWakeAt()).toBe(day(23)); // already due
    driver.advanceTo(day(28));
    expect(reminders(driver)).toEqual([[iso(day(28)), 'P3D']]);
    driver.advanceTo(REPLY_DUE - 1);
    expect(reminders(driver)).toEqual([
      [iso(day(28)), 'P3D'],
      [iso(day(29)), 'P1D'],
    ]);
  });

  it('sends none once the reply deadline has passed, and counts them all as out', () => {
    const driver = RecommendationDriver.received(LISTED);
    expect(types(driver.tick(day(31)))).toEqual(['REPLY_OVERDUE']);
    expect(driver.state).toMatchObject({ replyReminded: true, replyRemindersSent: 3 });
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
  });

  it('sends none when a state carried without a count was already reminded', () => {
    const driver = RecommendationDriver.received(LISTED);
    driver.state.replyReminded = true;
    expect(driver.lifecycle.nextWakeAt()).toBe(REPLY_DUE);
    driver.advanceTo(REPLY_DUE - 1);
    expect(reminders(driver)).toEqual([]);
  });

  it('under one offset keeps no count and says no offset, as before lists', () => {
    const driver = RecommendationDriver.received();
    driver.advanceTo(REPLY_DUE - 1);
    expect(driver.events.find((event) => event.type === 'REMINDER_SENT')?.data).toStrictEqual({ replyDueAt: iso(REPLY_DUE) });
    expect(driver.state).not.toHaveProperty('replyRemindersSent');
  });
});
