import { businessDate } from '../../time/business-time';

/** A period of whole months, both ends inclusive, as `<input type="month">` speaks them: YYYY-MM. */
export interface MonthRange {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const DEFAULT_MONTHS = 12;

const indexOf = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The twelve months up to and including the current one on the business calendar, as the API's trend does by default. */
export function lastTwelveMonths(now: Date): MonthRange {
  const to = indexOf(businessDate(now.getTime()).slice(0, 7));
  return { from: monthAt(to - DEFAULT_MONTHS + 1), to: monthAt(to) };
}

/** The period the address asks for, each end the default's when missing or malformed, the ends in order. */
export function effectiveRange(asked: Partial<MonthRange>, now: Date): MonthRange {
  const fallback = lastTwelveMonths(now);
  const from = asked.from && MONTH.test(asked.from) ? asked.from : fallback.from;
  const to = asked.to && MONTH.test(asked.to) ? asked.to : fallback.to;
  return indexOf(from) <= indexOf(to) ? { from, to } : { from: to, to: from };
}

/** The period as the reports' from/to: its first day and its last day, which the API reads in TZ_BUSINESS. */
export function rangeQuery(range: MonthRange): { from: string; to: string } {
  const next = indexOf(range.to) + 1;
  const lastDay = new Date(Date.UTC(Math.floor(next / 12), next % 12, 0)).getUTCDate();
  return { from: `${range.from}-01`, to: `${range.to}-${String(lastDay).padStart(2, '0')}` };
}
