import { parseDurationMs } from './duration';

describe('parseDurationMs', () => {
  it.each([
    ['P7D', 7 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['PT3S', 3000],
    ['PT1.5S', 1500],
    ['P1DT2H', 86_400_000 + 7_200_000],
    ['PT10M', 600_000],
  ])('reads %s', (text, expected) => {
    expect(parseDurationMs(text)).toBe(expected);
  });

  it.each(['7 days', 'P', 'PT', 'P1M', 'P1Y', '', 'P-1D', 'PT0S', 'abc'])('refuses %j', (text) => {
    expect(parseDurationMs(text)).toBeNull();
  });
});
