import { BUNDLED_CALENDAR_FILES } from './bundled-calendar';
import { calendarFromFiles } from './calendar-data';
import { CalendarYearMissingError, WorkingCalendar } from './working-calendar';
import { workingDayDeadline, type WorkingDayRules } from './working-day-deadline';

/** The calendar as shipped: the official 2026 schedule and the provisional 2027 one. */
const calendar = calendarFromFiles(BUNDLED_CALENDAR_FILES);
const rules: WorkingDayRules = { calendar, timeZone: 'Asia/Shanghai', deadlineTime: '18:00' };
/** Noon in Beijing on a date. */
const beijingNoon = (date: string) => Date.parse(`${date}T12:00:00+08:00`);
const deadline = (date: string, days: number) => workingDayDeadline(rules, beijingNoon(date), days);
const beijing18 = (date: string) => new Date(`${date}T18:00:00+08:00`).toISOString();

describe('working days on the real calendar', () => {
  it('knows the shipped years, 2027 marked provisional', () => {
    expect(calendar.years).toEqual([2026, 2027]);
    expect(calendar.provisionalYears).toEqual([2027]);
  });

  it('counts from the next day and ends at 18:00 Beijing time', () => {
    expect(deadline('2026-03-02', 1)).toBe(beijing18('2026-03-03'));
    expect(deadline('2026-03-06', 1)).toBe(beijing18('2026-03-09')); // Friday → Monday
    expect(deadline('2026-03-02', 10)).toBe(beijing18('2026-03-16'));
  });

  describe('Spring Festival 2026 (Feb 15–23 off, Saturdays Feb 14 and 28 worked)', () => {
    it('counts the makeup Saturday before the holiday, then skips the nine days off', () => {
      expect(deadline('2026-02-13', 1)).toBe(beijing18('2026-02-14'));
      expect(deadline('2026-02-13', 2)).toBe(beijing18('2026-02-24'));
      expect(deadline('2026-02-12', 3)).toBe(beijing18('2026-02-24'));
    });

    it('treats a day inside the holiday as the start, and the makeup Saturday Feb 28 as a working day', () => {
      expect(deadline('2026-02-17', 1)).toBe(beijing18('2026-02-24'));
      expect(deadline('2026-02-27', 1)).toBe(beijing18('2026-02-28'));
      expect(deadline('2026-02-27', 2)).toBe(beijing18('2026-03-02'));
      expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // a Monday, but off
    });
  });

  describe('National Day 2026 (Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked)', () => {
    it('jumps the Golden Week and counts the makeup Saturday after it', () => {
      expect(deadline('2026-09-30', 1)).toBe(beijing18('2026-10-08'));
      expect(deadline('2026-09-30', 3)).toBe(beijing18('2026-10-10'));
      expect(deadline('2026-09-30', 4)).toBe(beijing18('2026-10-12'));
    });

    it('counts the makeup Sunday before it, and 中秋 Sep 25 (a Friday) as a day off', () => {
      expect(deadline('2026-09-19', 1)).toBe(beijing18('2026-09-20'));
      expect(deadline('2026-09-24', 1)).toBe(beijing18('2026-09-28'));
    });
  });

  it('uses the business day, not the UTC day, as the starting point', () => {
    // 01:00 on Sep 30 in Beijing is still Sep 29 in UTC.
    expect(workingDayDeadline(rules, Date.parse('2026-09-29T17:00:00Z'), 1)).toBe(beijing18('2026-10-08'));
    expect(workingDayDeadline(rules, Date.parse('2026-09-29T15:59:59Z'), 1)).toBe(beijing18('2026-09-30'));
  });

  it('crosses New Year into the next year the calendar knows (元旦 and the makeup Sunday Jan 4)', () => {
    expect(deadline('2025-12-31', 1)).toBe(beijing18('2026-01-04'));
    expect(deadline('2026-12-31', 1)).toBe(beijing18('2027-01-04'));
  });

  it('refuses a year it has no data for instead of falling back to calendar days', () => {
    expect(() => deadline('2027-12-30', 5)).toThrow(CalendarYearMissingError);
    expect(() => deadline('2027-12-30', 5)).toThrow(/no data for 2028 \(it knows 2026, 2027\)/);
  });

  it('honours another deadline time and zone', () => {
    const berlin = { calendar, timeZone: 'Europe/Berlin', deadlineTime: '17:30' };
    expect(workingDayDeadline(berlin, Date.parse('2026-07-01T08:00:00Z'), 1)).toBe('2026-07-02T15:30:00.000Z');
    expect(workingDayDeadline(berlin, Date.parse('2026-12-01T08:00:00Z'), 1)).toBe('2026-12-02T16:30:00.000Z');
  });

  it('refuses a count outside 1..366', () => {
    const empty = new WorkingCalendar([{ year: 2026, source: 'test', holidays: [], makeupWorkdays: [] }]);
    expect(() => empty.addWorkingDays('2026-03-02', 0)).toThrow(RangeError);
    expect(() => empty.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });
});
