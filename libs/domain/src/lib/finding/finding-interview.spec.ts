import { FindingLifecycle } from './finding-lifecycle';
import { DUE, Driver, POLICY, SUPERVISOR, cmd, day, iso, types } from './finding-test-kit';

/** An overdue finding as its escalation reaches 约谈 (level 2) one step after its deadline. */
function atInterviewLevel(): Driver {
  const driver = Driver.rectifying();
  driver.advanceTo(DUE + POLICY.escalationStepMs);
  expect(driver.view.escalationLevel).toBe(2);
  return driver;
}

describe('a finding and its interview (约谈)', () => {
  it('records INTERVIEW_PROPOSED once, naming the interview it joined, and returns its interviewId', () => {
    const driver = atInterviewLevel();
    const at = DUE + POLICY.escalationStepMs + 1_000;
    const joined = driver.lifecycle.joinedInterview('iv-1', at);
    expect(types(joined)).toEqual(['INTERVIEW_PROPOSED']);
    expect(joined.events[0]).toMatchObject({ data: { interviewId: 'iv-1', level: 2 }, at: iso(at), actor: 'system' });
    expect(driver.view.interviewId).toBe('iv-1');
    expect(driver.lifecycle.record().interviewId).toBe('iv-1');
    // A replayed answer from the desk changes nothing.
    expect(driver.lifecycle.joinedInterview('iv-1', at + 1).events).toEqual([]);
  });

  it('records INTERVIEW_HELD once, by whoever recorded it, and only for its own interview', () => {
    const driver = atInterviewLevel();
    driver.lifecycle.joinedInterview('iv-1', day(40));
    expect(driver.lifecycle.interviewHeld('iv-other', iso(day(41)), SUPERVISOR.id, day(41)).events).toEqual([]);
    const held = driver.lifecycle.interviewHeld('iv-1', iso(day(41)), SUPERVISOR.id, day(41));
    expect(held.events.map(({ type, actor, data }) => ({ type, actor, data }))).toEqual([
      { type: 'INTERVIEW_HELD', actor: SUPERVISOR.id, data: { interviewId: 'iv-1', heldAt: iso(day(41)) } },
    ]);
    expect(driver.lifecycle.interviewHeld('iv-1', iso(day(41)), SUPERVISOR.id, day(42)).events).toEqual([]);
  });

  it('takes an interview held before it heard its join answered as joined: INTERVIEW_PROPOSED, then INTERVIEW_HELD, once', () => {
    const driver = atInterviewLevel();
    const held = driver.lifecycle.interviewHeld('iv-1', iso(day(41)), SUPERVISOR.id, day(41));
    expect(types(held)).toEqual(['INTERVIEW_PROPOSED', 'INTERVIEW_HELD']);
    expect(held.events[0]).toMatchObject({ data: { interviewId: 'iv-1', level: 2 }, actor: 'system' });
    expect(driver.lifecycle.awaitsInterview).toBe(false);
    // The join's answer, arriving at last, changes nothing.
    expect(driver.lifecycle.joinedInterview('iv-1', day(42)).events).toEqual([]);
    expect(driver.view.interviewId).toBe('iv-1');
  });

  it('keeps to the rule it started under: a finding that predates it waits for its join answer, as it did', () => {
    const asked: string[] = [];
    const driver = atInterviewLevel();
    const lifecycle = new FindingLifecycle(driver.lifecycle.state, POLICY, {
      ladderWaitsForExtension: () => true,
      heldBeforeJoinAnsweredCounts: () => (asked.push('held'), false),
    });
    expect(lifecycle.interviewHeld('iv-1', iso(day(41)), SUPERVISOR.id, day(41)).events).toEqual([]);
    expect(asked).toEqual(['held']);
    lifecycle.joinedInterview('iv-1', day(42));
    lifecycle.interviewHeld('iv-1', iso(day(43)), SUPERVISOR.id, day(43));
    // Asked only while the finding has no interview yet.
    expect(asked).toEqual(['held']);
  });

  it('is not finished, closed and its follow-up held, until its interview was held and is on its timeline', () => {
    const driver = atInterviewLevel();
    driver.lifecycle.joinedInterview('iv-1', day(40));
    driver.step(cmd.submitReport(), day(43));
    driver.step(cmd.pass(), day(44));
    driver.advanceTo(day(44) + POLICY.followUpAfterMs);
    driver.step(cmd.held(), day(45) + POLICY.followUpAfterMs);
    expect(driver.view).toMatchObject({ status: 'CLOSED', pendingApproval: null });
    expect(driver.lifecycle.awaitsInterview).toBe(true);
    expect(driver.lifecycle.finished(true)).toBe(false);
    driver.lifecycle.interviewHeld('iv-1', iso(day(46) + POLICY.followUpAfterMs), SUPERVISOR.id, day(46) + POLICY.followUpAfterMs);
    expect(driver.lifecycle.awaitsInterview).toBe(false);
    expect(driver.lifecycle.finished(true)).toBe(true);
  });

  it('has no interview before level 2', () => {
    expect(Driver.rectifying().view.interviewId).toBeNull();
  });
});
