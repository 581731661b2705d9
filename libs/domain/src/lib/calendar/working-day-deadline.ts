import type { WorkingCalendar } from './working-calendar';
import { localDate, zonedInstant } from './zoned-time';

/** How working-day deadlines are counted: on which calendar, in which zone, ending at what time. */
export interface WorkingDayRules {
  calendar: WorkingCalendar;
  /** IANA zone of the business (TZ_BUSINESS), e.g. Asia/Shanghai. */
  timeZone: string;
  /** When a deadline day ends (DEADLINE_TIME), HH:mm. */
  deadlineTime: string;
}

/**
 * 整改时限 in working days: the end (deadlineTime) of the `workingDays`-th working day after the
 * business day `fromMs` falls on. Throws CalendarYearMissingError for a year the calendar lacks.
 */
export function workingDayDeadline(rules: WorkingDayRules, fromMs: number, workingDays: number): string {
  const day = rules.calendar.addWorkingDays(localDate(rules.timeZone, fromMs), workingDays);
  return new Date(zonedInstant(rules.timeZone, day, rules.deadlineTime)).toISOString();
}
