import type { Policy } from '@reform/contracts';
import { zonedInstant } from './calendar/zoned-time';
import { PolicyError, readPolicy } from './policy';
import { policyEnd, policyStart } from './policy-time';

const DAY = 86_400_000;
const SHANGHAI = 'Asia/Shanghai';
const DAYS: Policy = readPolicy({});
const at = (date: string, time = '10:30', zone = SHANGHAI) => zonedInstant(zone, date, time);
/** The policy with POLICY_PLAN_DUE (and the others given) written as `text`. */
const planDue = (text: string, zone = SHANGHAI) => readPolicy({ POLICY_PLAN_DUE: text }, zone);
const end = (text: string, start: number, zone = SHANGHAI) => policyEnd(planDue(text, zone), 'planDueMs', start);

describe('policyEnd: calendar months in the business zone', () => {
  it.each([
    ['2026-01-31', 'P1M', '2026-02-28'], // no 31 Feb: the month's last day
    ['2028-01-31', 'P1M', '2028-02-29'], // leap year
    ['2026-03-31', 'P1M', '2026-04-30'],
    ['2026-01-30', 'P1M', '2026-02-28'],
    ['2028-01-30', 'P1M', '2028-02-29'],
    ['2026-01-15', 'P1M', '2026-02-15'], // the same day of the month
    ['2028-02-29', 'P12M', '2029-02-28'],
    ['2026-11-30', 'P3M', '2027-02-28'], // across the year
    ['2026-01-31', 'P1M15D', '2026-03-15'], // months first, then days: 28 Feb + 15 days
    ['2026-01-31', 'P2M', '2026-03-31'], // counted from the start, not month by month
  ])('%s + %s = %s, at the same wall-clock time', (start, text, expected) => {
    expect(end(text, at(start))).toBe(at(expected));
  });

  it('keeps the time of day in the zone, not in UTC', () => {
    // 01:00 on 31 Mar in Shanghai is still 30 Mar in UTC: a UTC count would land on 1 May, 01:00 local.
    const start = at('2026-03-31', '01:00');
    expect(new Date(start).toISOString()).toBe('2026-03-30T17:00:00.000Z');
    expect(new Date(end('P1M', start)).toISOString()).toBe('2026-04-29T17:00:00.000Z');
    expect(end('P1M', at('2026-01-31', '23:59:59'))).toBe(at('2026-02-28', '23:59:59'));
  });

  it('keeps the wall clock across a daylight-saving change (other zones)', () => {
    const berlin = 'Europe/Berlin';
    const start = at('2026-03-01', '12:00', berlin);
    const later = end('P1M', start, berlin);
    expect(later).toBe(at('2026-04-01', '12:00', berlin));
    expect(later - start).toBe(31 * DAY - 3_600_000);
  });

  it('without months is start + the milliseconds exactly, whatever the zone', () => {
    const start = Date.UTC(2026, 0, 31, 16, 30, 0, 123);
    expect(policyEnd(DAYS, 'planDueMs', start)).toBe(start + 7 * DAY);
    expect(policyEnd({ ...DAYS, months: {}, timeZone: SHANGHAI }, 'escalationStepMs', start)).toBe(start + 7 * DAY);
    expect(policyEnd({ ...DAYS, months: { planDueMs: 0 } }, 'planDueMs', start)).toBe(start + 7 * DAY);
  });
});

describe('policyStart: "this long before" (POLICY_REMIND_BEFORE)', () => {
  const before = (text: string, due: number) => policyStart(readPolicy({ POLICY_REMIND_BEFORE: text }, SHANGHAI), 'remindBeforeMs', due);

  it.each([
    ['2026-03-31', 'P1M', '2026-02-28'],
    ['2026-05-15', 'P1M', '2026-04-15'],
    ['2026-03-31', 'P1M3D', '2026-02-25'],
    ['2027-01-10', 'P2M', '2026-11-10'],
  ])('%s − %s = %s', (due, text, expected) => {
    expect(before(text, at(due))).toBe(at(expected));
  });

  it('without months is due − the milliseconds exactly', () => {
    expect(policyStart(DAYS, 'remindBeforeMs', 1_800_000_000_123)).toBe(1_800_000_000_123 - 3 * DAY);
  });
});

describe('readPolicy with months', () => {
  it('is the plain milliseconds policy when no variable has months', () => {
    expect(readPolicy({ POLICY_PLAN_DUE: 'PT2S' }, SHANGHAI)).toEqual({
      planDueMs: 2000,
      remindBeforeMs: 3 * DAY,
      escalationStepMs: 7 * DAY,
      approvalSlaMs: 3 * DAY,
      followUpAfterMs: 90 * DAY,
      receiptDueMs: 3 * DAY,
      interviewDueMs: 7 * DAY,
    });
  });

  it('keeps the months of each variable apart from its milliseconds, and the zone they count in', () => {
    const policy = readPolicy({ POLICY_PLAN_DUE: 'P2M', POLICY_INTERVIEW_DUE: 'P1M15D', POLICY_FOLLOW_UP_AFTER: 'P3M' }, SHANGHAI);
    expect(policy).toMatchObject({ planDueMs: 0, interviewDueMs: 15 * DAY, followUpAfterMs: 0, remindBeforeMs: 3 * DAY });
    expect(policy.months).toEqual({ planDueMs: 2, interviewDueMs: 1, followUpAfterMs: 3 });
    expect(policy.timeZone).toBe(SHANGHAI);
  });

  it.each([
    [{ POLICY_FOLLOW_UP_AFTER: 'P1Y' }, /^POLICY_FOLLOW_UP_AFTER="P1Y" years are not accepted/],
    [{ POLICY_PLAN_DUE: 'P13M' }, /^POLICY_PLAN_DUE="P13M" is more than 12 months/],
    [{ POLICY_INTERVIEW_DUE: 'one month' }, /^POLICY_INTERVIEW_DUE="one month" is not an ISO-8601 duration/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readPolicy(env, SHANGHAI)).toThrow(PolicyError);
    expect(() => readPolicy(env, SHANGHAI)).toThrow(message);
  });

  it('refuses months without a zone to count them in', () => {
    expect(() => readPolicy({ POLICY_PLAN_DUE: 'P1M' })).toThrow(/^POLICY_PLAN_DUE: months are counted in TZ_BUSINESS/);
  });
});
