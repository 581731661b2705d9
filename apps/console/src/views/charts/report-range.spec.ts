import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, setBusinessTimeZone } from '../../time/business-time';
import { effectiveRange, lastTwelveMonths, rangeQuery } from './report-range';

describe('the report period', () => {
  afterEach(() => setBusinessTimeZone(DEFAULT_TIME_ZONE));

  it('ends in the current month of the business calendar, not the browser’s', () => {
    // 31 Dec 2026 20:00 UTC is already 1 January 2027 in Beijing.
    const newYearInBeijing = new Date('2026-12-31T20:00:00Z');
    expect(lastTwelveMonths(newYearInBeijing)).toEqual({ from: '2026-02', to: '2027-01' });
    setBusinessTimeZone('UTC');
    expect(lastTwelveMonths(newYearInBeijing)).toEqual({ from: '2026-01', to: '2026-12' });
  });

  it('takes the address’s ends when well formed, in order, and asks the API for whole months', () => {
    const now = new Date('2026-06-15T00:00:00Z');
    expect(effectiveRange({ from: '2026-05', to: '2026-01' }, now)).toEqual({ from: '2026-01', to: '2026-05' });
    expect(effectiveRange({ from: 'soon' }, now)).toEqual({ from: '2025-07', to: '2026-06' });
    expect(rangeQuery({ from: '2026-01', to: '2026-02' })).toEqual({ from: '2026-01-01', to: '2026-02-28' });
  });
});
