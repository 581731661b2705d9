import { afterEach, describe, expect, it } from 'vitest';
import {
  businessDate,
  businessInputOf,
  businessTimeZone,
  DEFAULT_TIME_ZONE,
  instantOfBusinessInput,
  setBusinessTimeZone,
  zoneLabel,
} from './business-time';

// vite.config.mts runs the tests with TZ=UTC: what follows holds whatever the browser's own zone.
describe('business time (TZ_BUSINESS)', () => {
  afterEach(() => setBusinessTimeZone(DEFAULT_TIME_ZONE));

  it('defaults to Beijing time', () => {
    expect(businessTimeZone()).toBe('Asia/Shanghai');
    expect(new Date().getTimezoneOffset()).toBe(0);
  });

  it('reads a datetime-local value on the business wall clock, and writes one back', () => {
    expect(instantOfBusinessInput('2026-12-01T18:00')).toBe('2026-12-01T10:00:00.000Z');
    expect(businessInputOf(Date.parse('2026-12-01T10:00:00Z'))).toBe('2026-12-01T18:00');
    setBusinessTimeZone('America/New_York');
    expect(instantOfBusinessInput('2026-12-01T18:00')).toBe('2026-12-01T23:00:00.000Z');
    expect(businessInputOf(Date.parse('2026-07-01T22:00:00Z'))).toBe('2026-07-01T18:00');
  });

  it('leaves an empty value out and passes nonsense on for the API to refuse', () => {
    expect(instantOfBusinessInput('')).toBeUndefined();
    expect(instantOfBusinessInput('soon')).toBe('soon');
  });

  it('takes the day from the business calendar: 01:30 in Beijing is already tomorrow in UTC terms', () => {
    expect(businessDate(Date.parse('2026-12-01T17:30:00Z'))).toBe('2026-12-02');
    setBusinessTimeZone('UTC');
    expect(businessDate(Date.parse('2026-12-01T17:30:00Z'))).toBe('2026-12-01');
  });

  it('names Beijing time as people there do, any other zone by its name', () => {
    expect(zoneLabel('Asia/Shanghai', 'zh')).toBe('北京时间');
    expect(zoneLabel('Asia/Shanghai', 'en')).toBe('Beijing time');
    expect(zoneLabel('Asia/Urumqi', 'zh')).toBe('Asia/Urumqi');
  });
});
