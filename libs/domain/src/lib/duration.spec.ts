import { formatPolicyDuration, parseDurationMs, parsePolicyDuration } from './duration';

const DAY = 86_400_000;

describe('parseDurationMs', () => {
  it.each([
    ['P7D', 7 * DAY],
    ['P1W', 7 * DAY],
    ['PT3S', 3000],
    ['PT1.5S', 1500],
    ['P1DT2H', DAY + 7_200_000],
    ['PT10M', 600_000],
  ])('reads %s', (text, expected) => {
    expect(parseDurationMs(text)).toBe(expected);
  });

  it.each(['7 days', 'P', 'PT', 'P1M', 'P1Y', '', 'P-1D', 'PT0S', 'abc'])('refuses %j (months have no fixed length)', (text) => {
    expect(parseDurationMs(text)).toBeNull();
  });
});

describe('parsePolicyDuration', () => {
  it.each([
    ['P7D', { months: 0, ms: 7 * DAY }],
    ['PT5S', { months: 0, ms: 5000 }],
    ['P1M', { months: 1, ms: 0 }],
    ['P12M', { months: 12, ms: 0 }],
    ['P1M15D', { months: 1, ms: 15 * DAY }],
    ['P2M1W', { months: 2, ms: 7 * DAY }],
    ['P1MT12H', { months: 1, ms: 12 * 3_600_000 }],
  ])('reads %s', (text, expected) => {
    expect(parsePolicyDuration(text)).toEqual(expected);
  });

  it.each([
    ['P1Y', /years are not accepted: write months, P1M to P12M/],
    ['P1Y2M', /years are not accepted/],
    ['P13M', /more than 12 months/],
    ['P0M', /is zero/],
    ['PT0S', /is zero/],
    ['7 days', /is not an ISO-8601 duration such as P7D, P1M/],
    ['P1D1M', /is not an ISO-8601 duration/],
    ['P-1M', /is not an ISO-8601 duration/],
  ])('refuses %j, saying why', (text, why) => {
    const reading = parsePolicyDuration(text);
    expect(reading).toEqual({ refused: expect.stringMatching(why) });
  });
});

describe('formatPolicyDuration', () => {
  it.each([
    [{ ms: 7 * DAY }, 'P7D'],
    [{ months: 1, ms: 0 }, 'P1M'],
    [{ months: 1, ms: 3 * DAY }, 'P1M3D'],
    [{ ms: 12 * 3_600_000 }, 'PT12H'],
    [{ ms: DAY + 90_000 }, 'P1DT1M30S'],
    [{ ms: 1500 }, 'PT1.5S'],
    [{ ms: 0 }, 'PT0S'],
  ])('writes %j as %s', (duration, text) => {
    expect(formatPolicyDuration(duration)).toBe(text);
  });

  it.each(['P7D', 'P1W', 'P1M15D', 'PT5S', 'P2MT12H'])('writes back what %s reads as', (text) => {
    const reading = parsePolicyDuration(text);
    if ('refused' in reading) throw new Error(reading.refused);
    expect(parsePolicyDuration(formatPolicyDuration(reading))).toEqual(reading);
  });
});
