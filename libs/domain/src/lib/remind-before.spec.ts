import { PolicyError, readPolicy } from './policy';

const DAY = 86_400_000;
const SHANGHAI = 'Asia/Shanghai';
const remindBefore = (text: string, zone?: string) => readPolicy({ POLICY_REMIND_BEFORE: text }, zone);

describe('readPolicy: POLICY_REMIND_BEFORE as a comma list of offsets', () => {
  it('lists every offset, longest first, and keeps the longest as remindBeforeMs', () => {
    const policy = remindBefore('P1D, P7D ,P3D');
    expect(policy.remindBeforeMs).toBe(7 * DAY);
    expect(policy.reminders).toEqual([{ ms: 7 * DAY }, { ms: 3 * DAY }, { ms: DAY }]);
    expect(policy).not.toHaveProperty('months');
    expect(policy).not.toHaveProperty('timeZone');
  });

  it('is exactly the policy of before lists for one offset, with or without a zone', () => {
    const today = {
      planDueMs: 7 * DAY,
      remindBeforeMs: 2 * DAY,
      escalationStepMs: 7 * DAY,
      approvalSlaMs: 3 * DAY,
      followUpAfterMs: 90 * DAY,
      receiptDueMs: 3 * DAY,
      interviewDueMs: 7 * DAY,
    };
    expect(remindBefore('P2D')).toStrictEqual(today);
    expect(remindBefore(' P2D ', SHANGHAI)).toStrictEqual(today);
    expect(readPolicy({})).not.toHaveProperty('reminders');
  });

  it('counts months as today: the longest one’s in months.remindBeforeMs, each entry’s in its offset', () => {
    const policy = remindBefore('P7D,P1M,P1M3D', SHANGHAI);
    expect(policy).toMatchObject({ remindBeforeMs: 3 * DAY, months: { remindBeforeMs: 1 }, timeZone: SHANGHAI });
    expect(policy.reminders).toEqual([{ months: 1, ms: 3 * DAY }, { months: 1, ms: 0 }, { ms: 7 * DAY }]);
  });

  it('needs TZ_BUSINESS when any entry has months, the longest or not', () => {
    expect(() => remindBefore('P40D,P1M')).toThrow(/^POLICY_REMIND_BEFORE: months are counted in TZ_BUSINESS/);
    const policy = remindBefore('P40D,P1M', SHANGHAI);
    expect(policy).toMatchObject({ remindBeforeMs: 40 * DAY, timeZone: SHANGHAI, reminders: [{ ms: 40 * DAY }, { months: 1, ms: 0 }] });
    expect(policy).not.toHaveProperty('months');
  });

  it.each([
    ['P7D,3 days,P1D', /^POLICY_REMIND_BEFORE="P7D,3 days,P1D" entry "3 days" is not an ISO-8601 duration/],
    ['P7D,P1Y', /^POLICY_REMIND_BEFORE="P7D,P1Y" entry "P1Y" years are not accepted/],
    ['P7D,PT0S', /^POLICY_REMIND_BEFORE="P7D,PT0S" entry "PT0S" is zero/],
    ['P7D,P3D,P7D', /^POLICY_REMIND_BEFORE="P7D,P3D,P7D" entry "P7D" repeats "P7D"/],
    ['P7D,P1W', /^POLICY_REMIND_BEFORE="P7D,P1W" entry "P1W" repeats "P7D": give each offset once/],
    ['P7D,,P1D', /^POLICY_REMIND_BEFORE="P7D,,P1D" has an empty entry/],
    ['P7D,', /^POLICY_REMIND_BEFORE="P7D," has an empty entry/],
    ['', /^POLICY_REMIND_BEFORE="" is not an ISO-8601 duration/],
  ])('refuses %j, naming the variable and the entry', (text, message) => {
    expect(() => remindBefore(text, SHANGHAI)).toThrow(PolicyError);
    expect(() => remindBefore(text, SHANGHAI)).toThrow(message);
  });
});
