import { isCalendarDate, isWeekend } from './calendar-date';
import { WorkingCalendar, type CalendarYearData } from './working-calendar';

/** A calendar file that is not a valid year of holidays; names the file and what is wrong. */
export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

/** One calendar file as read: its name (`2026.json`) and its parsed JSON. */
export interface CalendarFile {
  name: string;
  content: unknown;
}

function dates(value: unknown, field: string, year: number, where: string): string[] {
  if (!Array.isArray(value)) throw new CalendarDataError(`${where}: ${field} must be an array of YYYY-MM-DD dates`);
  for (const date of value) {
    if (!isCalendarDate(date)) throw new CalendarDataError(`${where}: ${field} has ${JSON.stringify(date)}, not a YYYY-MM-DD date`);
    if (!date.startsWith(`${year}-`)) throw new CalendarDataError(`${where}: ${field} has ${date}, outside ${year}`);
  }
  return value as string[];
}

/** Checks one year's data: its own dates only, makeup workdays on weekends, no day both off and on. */
export function parseCalendarYear(file: CalendarFile): CalendarYearData {
  const where = `calendar file ${file.name}`;
  const raw = (file.content ?? {}) as Record<string, unknown>;
  const year = raw['year'];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new CalendarDataError(`${where}: year must be a whole number such as 2026`);
  }
  const nameYear = /^(\d{4})\.json$/.exec(file.name)?.[1];
  if (nameYear !== undefined && Number(nameYear) !== year) {
    throw new CalendarDataError(`${where}: says year ${year}; the file name must match it`);
  }
  if (typeof raw['source'] !== 'string' || raw['source'].trim() === '') {
    throw new CalendarDataError(`${where}: source must name the notice the dates come from`);
  }
  const holidays = dates(raw['holidays'], 'holidays', year, where);
  const makeupWorkdays = dates(raw['makeupWorkdays'], 'makeupWorkdays', year, where);
  for (const date of makeupWorkdays) {
    if (!isWeekend(date)) throw new CalendarDataError(`${where}: makeup workday ${date} is not a Saturday or Sunday`);
    if (holidays.includes(date)) throw new CalendarDataError(`${where}: ${date} is both a holiday and a makeup workday`);
  }
  return { year, source: raw['source'], provisional: raw['provisional'] === true, holidays, makeupWorkdays };
}

/** A calendar from a set of year files; the same year twice is refused rather than merged. */
export function calendarFromFiles(files: readonly CalendarFile[]): WorkingCalendar {
  if (files.length === 0) throw new CalendarDataError('the working-day calendar has no year files');
  const years = files.map(parseCalendarYear);
  const seen = new Set<number>();
  for (const { year } of years) {
    if (seen.has(year)) throw new CalendarDataError(`the working-day calendar has ${year} twice`);
    seen.add(year);
  }
  return new WorkingCalendar(years);
}
