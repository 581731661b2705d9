import type { Policy } from '@reform/contracts';
import { zonedInstant } from '../calendar/zoned-time';
import { readPolicy } from '../policy';
import { DUE, Driver, HOUR, POLICY, T0, cmd, day, iso, seed, types } from './finding-test-kit';

/** The kit's policy with POLICY_REMIND_BEFORE=`text`. */
function remindingAt(text: string, timeZone?: string): Policy {
  const { remindBeforeMs, months, reminders } = readPolicy({ POLICY_REMIND_BEFORE: text }, timeZone);
  return { ...POLICY, remindBeforeMs, reminders, ...(months ? { months, timeZone } : { timeZone }) };
}

const LISTED = remindingAt('P7D,P3D,P1D');

const reminders = (driver: Driver) =>
  driver.events.filter((event) => event.type === 'REMINDER_SENT').map((event) => [event.at, event.data['before'], event.data['dueAt']]);

describe('finding timers — several reminder offsets (POLICY_REMIND_BEFORE=P7D,P3D,P1D)', () => {
  it('sends one reminder per offset, in order, however often the finding wakes', () => {
    const driver = Driver.rectifying(LISTED);
    expect(driver.lifecycle.nextWakeAt()).toBe(day(23));
    for (let now = day(20); now < DUE; now += HOUR) driver.tick(now);
    expect(reminders(driver)).toEqual([
      [iso(day(23)), 'P7D', iso(DUE)],
      [iso(day(27)), 'P3D', iso(DUE)],
      [iso(day(29)), 'P1D', iso(DUE)],
    ]);
    expect(driver.notifications.filter((n) => n.kind === 'REMINDER').map((n) => n.data)).toEqual([
      expect.objectContaining({ dueAt: iso(DUE), before: 'P7D' }),
      expect.objectContaining({ dueAt: iso(DUE), before: 'P3D' }),
      expect.objectContaining({ dueAt: iso(DUE), before: 'P1D' }),
    ]);
    expect(driver.lifecycle.state).toMatchObject({ remindedForDueAt: iso(DUE), remindersSent: 3 });
    expect(driver.lifecycle.nextWakeAt()).toBe(DUE);
  });

  it('sends one reminder, not a burst, for offsets already passed together: the latest of them, then the next at its time', () => {
    const driver = new Driver(LISTED, seed({ dueAt: iso(day(2)) }));
    expect(types(driver.tick(T0))).toEqual(['REMINDER_SENT']);
    expect(driver.lifecycle.nextWakeAt()).toBe(day(1));
    driver.advanceTo(day(2));
    expect(reminders(driver)).toEqual([
      [iso(T0), 'P3D', iso(day(2))],
      [iso(day(1)), 'P1D', iso(day(2))],
    ]);
  });

  it('re-arms every offset when the deadline moves', () => {
    const driver = Driver.rectifying(LISTED);
    driver.step(cmd.requestExtension(day(50)), day(28));
    driver.step(cmd.approveExtension(), day(28) + HOUR);
    driver.advanceTo(day(50));
    expect(reminders(driver)).toEqual([
      [iso(day(23)), 'P7D', iso(DUE)],
      [iso(day(27)), 'P3D', iso(DUE)],
      [iso(day(43)), 'P7D', iso(day(50))],
      [iso(day(47)), 'P3D', iso(day(50))],
      [iso(day(49)), 'P1D', iso(day(50))],
    ]);
  });

  it('sends the nearest at once when a moved deadline is nearer than all its offsets', () => {
    const driver = Driver.rectifying(LISTED);
    driver.step(cmd.submitReport(), day(10));
    driver.step(cmd.fail(day(12)), day(11));
    driver.advanceTo(day(12) - 1);
    expect(reminders(driver)).toEqual([[iso(day(11)), 'P1D', iso(day(12))]]);
  });

  it('sends none at or after the deadline, and counts them all as out', () => {
    const atDue = Driver.rectifying(LISTED);
    expect(types(atDue.tick(DUE))).toEqual(['OVERDUE', 'ESCALATED']);
    const late = Driver.rectifying(LISTED);
    expect(types(late.tick(day(31)))).toEqual(['OVERDUE', 'ESCALATED']);
    expect(late.lifecycle.state.remindersSent).toBe(3);
    late.advanceTo(day(60));
    expect(reminders(late)).toEqual([]);
  });

  it('sends none for a deadline a state carried without a count was already reminded of', () => {
    const driver = Driver.rectifying(LISTED);
    driver.lifecycle.state.remindedForDueAt = iso(DUE);
    expect(driver.lifecycle.nextWakeAt()).toBe(DUE);
    driver.advanceTo(DUE - 1);
    expect(reminders(driver)).toEqual([]);
  });

  it('counts offsets in months on the calendar of TZ_BUSINESS', () => {
    const shanghai = (date: string) => zonedInstant('Asia/Shanghai', date, '18:00');
    const driver = Driver.rectifying(remindingAt('P7D,P1M', 'Asia/Shanghai'), seed({ dueAt: iso(shanghai('2026-05-31')) }));
    driver.advanceTo(shanghai('2026-05-31') - 1);
    expect(reminders(driver).map(([at, before]) => [at, before])).toEqual([
      [iso(shanghai('2026-04-30')), 'P1M'], // no 31 April
      [iso(shanghai('2026-05-24')), 'P7D'],
    ]);
  });
});

describe('finding timers — one reminder offset, as before lists', () => {
  it('keeps no count and says no offset: state and events as recorded histories have them', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(28));
    expect(driver.events.find((event) => event.type === 'REMINDER_SENT')?.data).toStrictEqual({ dueAt: iso(DUE) });
    expect(driver.lifecycle.state.remindedForDueAt).toBe(iso(DUE));
    expect(driver.lifecycle.state).not.toHaveProperty('remindersSent');
  });
});
