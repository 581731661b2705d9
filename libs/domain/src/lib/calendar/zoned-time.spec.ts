import { isKnownTimeZone, localDate, localDateTime, zonedInstant, zoneOffsetMs } from './zoned-time';

describe('zoned time', () => {
  it('reads Beijing wall-clock time, +8 h all year', () => {
    expect(zoneOffsetMs('Asia/Shanghai', Date.parse('2026-01-15T00:00:00Z'))).toBe(8 * 3_600_000);
    expect(zoneOffsetMs('Asia/Shanghai', Date.parse('2026-07-15T00:00:00Z'))).toBe(8 * 3_600_000);
    expect(localDate('Asia/Shanghai', Date.parse('2026-09-29T16:00:00Z'))).toBe('2026-09-30');
    expect(localDateTime('Asia/Shanghai', Date.parse('2026-09-29T10:00:00Z'))).toBe('2026-09-29 18:00');
  });

  it('finds the instant of a wall-clock time, across daylight saving too', () => {
    expect(new Date(zonedInstant('Asia/Shanghai', '2026-10-08', '18:00')).toISOString()).toBe('2026-10-08T10:00:00.000Z');
    expect(new Date(zonedInstant('America/New_York', '2026-03-09', '18:00')).toISOString()).toBe('2026-03-09T22:00:00.000Z');
    expect(new Date(zonedInstant('America/New_York', '2026-03-06', '18:00')).toISOString()).toBe('2026-03-06T23:00:00.000Z');
  });

  it('tells known zones from unknown ones', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
