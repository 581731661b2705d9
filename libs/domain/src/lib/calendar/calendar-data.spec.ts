import { BUNDLED_CALENDAR_FILES } from './bundled-calendar';
import { calendarFromFiles, CalendarDataError, parseCalendarYear } from './calendar-data';

const year = (overrides: Record<string, unknown> = {}) => ({
  year: 2030,
  source: 'test notice',
  holidays: ['2030-01-01'],
  makeupWorkdays: ['2030-01-05'],
  ...overrides,
});

describe('calendar files', () => {
  it('accept the shipped years, each with its source named', () => {
    for (const file of BUNDLED_CALENDAR_FILES) {
      const parsed = parseCalendarYear(file);
      expect(parsed.source.length).toBeGreaterThan(20);
      expect(parsed.holidays.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['no year', { year: undefined }, /year must be a whole number/],
    ['no source', { source: ' ' }, /source must name the notice/],
    ['a malformed date', { holidays: ['2030-02-30'] }, /"2030-02-30", not a YYYY-MM-DD date/],
    ['a date of another year', { holidays: ['2031-01-01'] }, /2031-01-01, outside 2030/],
    ['a makeup workday on a weekday', { makeupWorkdays: ['2030-01-07'] }, /2030-01-07 is not a Saturday or Sunday/],
    ['a day both off and on', { holidays: ['2030-01-05'] }, /2030-01-05 is both a holiday and a makeup workday/],
    ['holidays not a list', { holidays: '2030-01-01' }, /holidays must be an array/],
  ])('refuse %s, naming the file', (_, overrides, message) => {
    expect(() => parseCalendarYear({ name: '2030.json', content: year(overrides) })).toThrow(message);
    expect(() => parseCalendarYear({ name: '2030.json', content: year(overrides) })).toThrow(/^calendar file 2030\.json: /);
  });

  it('refuse a file named for another year, the same year twice, and no files at all', () => {
    expect(() => parseCalendarYear({ name: '2031.json', content: year() })).toThrow(/file name must match/);
    const twice = [
      { name: 'a.json', content: year() },
      { name: 'b.json', content: year() },
    ];
    expect(() => calendarFromFiles(twice)).toThrow(/has 2030 twice/);
    expect(() => calendarFromFiles([])).toThrow(CalendarDataError);
  });

  it('count makeup workdays and leave weekends without data off', () => {
    const calendar = calendarFromFiles([{ name: '2030.json', content: year() }]);
    expect(calendar.isWorkingDay('2030-01-05')).toBe(true); // Saturday, made up
    expect(calendar.isWorkingDay('2030-01-06')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false); // holiday
    expect(calendar.isWorkingDay('2030-01-02')).toBe(true);
  });
});
