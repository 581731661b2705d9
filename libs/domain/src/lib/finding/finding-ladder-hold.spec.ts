import type { FindingRules } from './finding-rules';
import { DUE, Driver, POLICY, cmd, day, iso, seed, types } from './finding-test-kit';

const rungs = (driver: Driver) =>
  driver.events.filter((event) => event.type === 'ESCALATED').map((event) => [event.at, event.data['level']]);

describe('finding timers — the ladder waits while an extension request does', () => {
  it('holds an overdue ladder while the request waits: no rung, no wake-up for one, other timers still run', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(33)); // overdue at level 1 since day 30, rung 2 due day 37
    driver.step(cmd.requestExtension(day(60)), day(33));
    expect(driver.lifecycle.nextWakeAt()).toBe(day(35)); // the request's approval SLA, not the rung
    expect(types(driver.advanceTo(day(35)))).toEqual(['APPROVAL_OVERDUE']);
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
    driver.tick(day(100));
    expect(rungs(driver)).toEqual([[iso(DUE), 1]]);
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 1, pendingApproval: 'extension' });
  });

  it('resumes after a denial: the next rung one step after it, one level at a time', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(33));
    driver.step(cmd.requestExtension(day(60)), day(33));
    driver.step(cmd.denyExtension(), day(50, 5_000));
    expect(driver.lifecycle.nextWakeAt()).toBe(day(57, 5_000));
    expect(driver.advanceTo(day(57, 4_999))).toEqual([]);
    expect(driver.advanceTo(day(57, 5_000)).map((event) => event.data)).toEqual([{ level: 2 }]);
    expect(driver.advanceTo(day(64, 5_000)).map((event) => event.data)).toEqual([{ level: 3 }]);
    expect(rungs(driver).map(([, level]) => level)).toEqual([1, 2, 3]);
  });

  it('a worker back late after the denial still fires the rungs one step apart from it', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(33));
    driver.step(cmd.requestExtension(day(60)), day(33));
    driver.step(cmd.denyExtension(), day(50));
    expect(driver.tick(day(58)).events.map((event) => [event.at, event.data])).toEqual([[iso(day(58)), { level: 2 }]]);
    expect(driver.lifecycle.nextWakeAt()).toBe(day(64)); // counted from when rung 2 was due, not from day 58
  });

  it('a request made before the deadline: OVERDUE at the deadline but not level 1, which comes one step after a denial', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(60)), day(25));
    expect(types(driver.advanceTo(DUE))).toEqual(['REMINDER_SENT', 'APPROVAL_OVERDUE', 'OVERDUE']);
    expect(driver.view).toMatchObject({ overdue: true, escalationLevel: 0 });
    expect(driver.lifecycle.nextWakeAt()).toBeNull();
    driver.step(cmd.denyExtension(), day(33));
    expect(driver.advanceTo(day(40) - 1)).toEqual([]);
    expect(driver.advanceTo(day(40)).map((event) => [event.at, event.data])).toEqual([[iso(day(40)), { level: 1 }]]);
    expect(driver.lifecycle.nextWakeAt()).toBe(day(47));
  });

  it('a request denied before the deadline changes nothing: level 1 at the deadline', () => {
    const driver = Driver.rectifying();
    driver.step(cmd.requestExtension(day(60)), day(25));
    driver.step(cmd.denyExtension(), day(26));
    driver.advanceTo(DUE);
    expect(rungs(driver)).toEqual([[iso(DUE), 1]]);
  });

  it('an approval while held moves the deadline; a new miss continues from the level reached', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(33));
    driver.step(cmd.requestExtension(day(60)), day(33));
    driver.step(cmd.approveExtension(), day(40));
    expect(driver.view).toMatchObject({ dueAt: iso(day(60)), overdue: false, escalationLevel: 1 });
    expect(types(driver.advanceTo(day(60)))).toEqual(['REMINDER_SENT', 'OVERDUE']);
    expect(driver.advanceTo(day(67)).map((event) => [event.at, event.data])).toEqual([[iso(day(67)), { level: 2 }]]);
  });

  it('a failed verification without a new date while a request waits: overdue again, the ladder still held', () => {
    const driver = Driver.rectifying();
    driver.advanceTo(day(31)); // level 1
    driver.step(cmd.submitReport(), day(31));
    driver.step(cmd.requestExtension(day(60)), day(32));
    driver.step(cmd.fail(), day(34));
    expect(driver.view).toMatchObject({ status: 'RECTIFYING', overdue: true, escalationLevel: 1 });
    driver.tick(day(45));
    expect(rungs(driver)).toHaveLength(1);
    driver.step(cmd.denyExtension(), day(45));
    expect(driver.advanceTo(day(52)).map((event) => [event.at, event.data])).toEqual([[iso(day(52)), { level: 2 }]]);
  });
});

describe('finding timers — the hold is a rule a workflow may predate', () => {
  const counting = (answer: boolean) => {
    const asked = { count: 0 };
    const rules: FindingRules = {
      ladderWaitsForExtension: () => {
        asked.count += 1;
        return answer;
      },
      heldBeforeJoinAnsweredCounts: () => true,
    };
    return { asked, rules };
  };

  it('is never asked when no request waits at an overdue moment (so such histories carry no patch marker)', () => {
    const { asked, rules } = counting(true);
    const driver = new Driver(POLICY, seed(), undefined, rules);
    driver.step(cmd.submitPlan(), day(1));
    driver.step(cmd.approvePlan(), day(2));
    driver.step(cmd.requestExtension(day(60)), day(20));
    driver.step(cmd.approveExtension(), day(21));
    driver.advanceTo(day(75)); // overdue at day 60, climbing to level 3
    driver.step(cmd.requestExtension(day(120)), day(80)); // level 3: no rung left to hold
    driver.step(cmd.denyExtension(), day(81));
    driver.advanceTo(day(200));
    expect(rungs(driver).map(([, level]) => level)).toEqual([1, 2, 3]);
    expect(asked.count).toBe(0);
  });

  it('when it does not apply, the ladder climbs while the request waits, as before', () => {
    const { asked, rules } = counting(false);
    const driver = new Driver(POLICY, seed(), undefined, rules);
    driver.step(cmd.submitPlan(), day(1));
    driver.step(cmd.approvePlan(), day(2));
    driver.step(cmd.requestExtension(day(60)), day(25));
    driver.advanceTo(day(40));
    driver.step(cmd.denyExtension(), day(40));
    driver.advanceTo(day(44));
    expect(rungs(driver)).toEqual([
      [iso(DUE), 1],
      [iso(day(37)), 2],
      [iso(day(44)), 3],
    ]);
    expect(asked.count).toBeGreaterThan(0);
  });
});
