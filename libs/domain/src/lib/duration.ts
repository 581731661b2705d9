const DURATION_PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Months a policy may be written in: up to a year, as practice writes its limits (整改 within 2 months). */
export const MAX_POLICY_MONTHS = 12;

/** A duration of whole calendar months (counted on a calendar) and then fixed milliseconds. */
export interface CalendarDuration {
  months: number;
  ms: number;
}

type Reading = (CalendarDuration & { years: number }) | null;

function read(text: string): Reading {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  const ms =
    Number(weeks ?? 0) * 7 * DAY +
    Number(days ?? 0) * DAY +
    Number(hours ?? 0) * HOUR +
    Number(minutes ?? 0) * MINUTE +
    Math.round(Number(seconds ?? 0) * SECOND);
  return { years: Number(years ?? 0), months: Number(months ?? 0), ms };
}

/**
 * Parses an ISO-8601 duration of fixed length into milliseconds: weeks, days, hours, minutes,
 * seconds. Years and months are refused here because their length depends on the calendar (a
 * policy may have months: `parsePolicyDuration`). Returns null when the text is not such a duration.
 */
export function parseDurationMs(text: string): number | null {
  const reading = read(text);
  if (!reading || reading.years > 0 || reading.months > 0) return null;
  return reading.ms > 0 ? reading.ms : null;
}

/**
 * Parses a policy's ISO-8601 duration: months (P1M…P12M) and weeks, days, hours, minutes,
 * seconds, alone or together (P1M15D). Returns why not when it is not one, for the start-up error.
 */
export function parsePolicyDuration(text: string): CalendarDuration | { refused: string } {
  const reading = read(text);
  if (!reading)
    return { refused: 'is not an ISO-8601 duration such as P7D, P1M, PT12H or PT5S (months, weeks, days, hours, minutes, seconds)' };
  if (reading.years > 0) return { refused: `years are not accepted: write months, P1M to P${MAX_POLICY_MONTHS}M` };
  if (reading.months > MAX_POLICY_MONTHS)
    return { refused: `is more than ${MAX_POLICY_MONTHS} months (P1M to P${MAX_POLICY_MONTHS}M are accepted)` };
  if (reading.months === 0 && reading.ms === 0) return { refused: 'is zero: a policy must give some time' };
  return { months: reading.months, ms: reading.ms };
}

const written = (units: [number, string][]) => units.map(([n, unit]) => (n > 0 ? `${n}${unit}` : '')).join('');

/** A policy duration written back as ISO-8601, weeks as days: P1M3D, P7D, PT12H, PT1.5S. */
export function formatPolicyDuration({ months = 0, ms }: { months?: number; ms: number }): string {
  const date = written([
    [months, 'M'],
    [Math.floor(ms / DAY), 'D'],
  ]);
  const time = written([
    [Math.floor((ms % DAY) / HOUR), 'H'],
    [Math.floor((ms % HOUR) / MINUTE), 'M'],
    [(ms % MINUTE) / SECOND, 'S'],
  ]);
  if (!date && !time) return 'PT0S';
  return time ? `P${date}T${time}` : `P${date}`;
}
