/** Calendar dates as `YYYY-MM-DD` strings, computed on UTC midnights so no zone can shift them. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const utcMidnight = (date: string): number => {
  const [, year, month, day] = DATE_PATTERN.exec(date) ?? [];
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
};

/** A real date written as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  return formatUtcDate(utcMidnight(value)) === value;
}

export function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatUtcDate(utcMidnight(date) + days * DAY_MS);
}

export function isWeekend(date: string): boolean {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}
