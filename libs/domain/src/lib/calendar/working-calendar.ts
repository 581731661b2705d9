import { addDays, isWeekend } from './calendar-date';

/** 节假日安排 — one year's official schedule: days off and 调休 makeup workdays, as YYYY-MM-DD. */
export interface CalendarYearData {
  year: number;
  /** Where the dates come from (the State Council notice), for whoever checks or replaces the file. */
  source: string;
  /** True while the year is inferred from the statutory rules rather than taken from the official notice. */
  provisional?: boolean;
  holidays: string[];
  makeupWorkdays: string[];
}

/** A day outside every year the calendar knows: never guessed, always refused. */
export class CalendarYearMissingError extends Error {
  constructor(
    readonly year: number,
    known: readonly number[],
  ) {
    super(
      `the working-day calendar has no data for ${year} (it knows ${known.join(', ') || 'no year'}); ` +
        `add ${year}.json to the calendar directory (WORKING_CALENDAR_DIR) or give a date instead`,
    );
    this.name = 'CalendarYearMissingError';
  }
}

/** The most working days anything may be counted ahead; far beyond any rectification deadline. */
export const MAX_WORKING_DAYS = 366;

/**
 * 工作日历 — which days are working days: Monday to Friday, except statutory holidays, plus the
 * weekend days declared makeup workdays (调休上班). Only years it has data for can be asked about.
 */
export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeupWorkdays = new Set<string>();
  private readonly byYear = new Map<number, CalendarYearData>();

  constructor(years: readonly CalendarYearData[]) {
    for (const data of years) {
      this.byYear.set(data.year, data);
      data.holidays.forEach((date) => this.holidays.add(date));
      data.makeupWorkdays.forEach((date) => this.makeupWorkdays.add(date));
    }
  }

  /** The years it has data for, ascending. */
  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** The years inferred from the statutory rules, not yet the official schedule. */
  get provisionalYears(): number[] {
    return this.years.filter((year) => this.byYear.get(year)?.provisional === true);
  }

  isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (!this.byYear.has(year)) throw new CalendarYearMissingError(year, this.years);
    if (this.makeupWorkdays.has(date)) return true;
    return !isWeekend(date) && !this.holidays.has(date);
  }

  /** The `count`-th working day after `date`; `date` itself is not counted (期限当日不计入). */
  addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 1 || count > MAX_WORKING_DAYS) {
      throw new RangeError(`working days must be a whole number from 1 to ${MAX_WORKING_DAYS}, not ${count}`);
    }
    let day = date;
    for (let counted = 0; counted < count; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }
}
