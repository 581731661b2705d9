/**
 * Wall-clock time in an IANA zone, from the runtime's own zone data (Intl), so no tz library is
 * needed. Asia/Shanghai has no daylight saving; other zones work too, DST gaps resolving forward.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instantMs`, read as if it were UTC (for arithmetic on its fields). */
function formattedWallClockMs(timeZone: string, instantMs: number): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instantMs)
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
}

/** Zones change offset on quarter hours at the finest, so one lookup serves a whole quarter (exports format 100,000s of times). */
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;
const offsets = new Map<string, number>();

/** How far `timeZone` is ahead of UTC at `instantMs`, in milliseconds (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const quarter = Math.floor(instantMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone}@${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = formattedWallClockMs(timeZone, quarter) - quarter;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall clock in `timeZone` at `instantMs` as milliseconds whose UTC fields read that wall clock (what a spreadsheet shows). */
export function wallClockMs(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}

/** The calendar date (YYYY-MM-DD) in `timeZone` at `instantMs`. */
export function localDate(timeZone: string, instantMs: number): string {
  return new Date(wallClockMs(timeZone, instantMs)).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in `timeZone`, the way a ledger prints a moment. */
export function localDateTime(timeZone: string, instantMs: number): string {
  return new Date(wallClockMs(timeZone, instantMs)).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant at which the wall clock in `timeZone` shows `date` `time` (HH:mm or HH:mm:ss). */
export function zonedInstant(timeZone: string, date: string, time: string): number {
  const wall = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  if (!Number.isFinite(wall)) throw new RangeError(`not a local date and time: ${date} ${time}`);
  return instantOfWallClock(timeZone, wall);
}

/** The instant at which the wall clock in `timeZone` reads `wallMs` (the inverse of `wallClockMs`). */
function instantOfWallClock(timeZone: string, wallMs: number): number {
  // Two passes: the offset at the first guess can differ from the one at the answer across a DST change.
  const first = wallMs - zoneOffsetMs(timeZone, wallMs);
  return wallMs - zoneOffsetMs(timeZone, first);
}

/**
 * `instantMs` moved by `months` calendar months (negative: back) on the wall clock of
 * `timeZone`: the same day of the month, else that month's last day (31 Jan + 1 month = 28 or
 * 29 Feb), the time of day kept.
 */
export function addCalendarMonths(timeZone: string, instantMs: number, months: number): number {
  const wall = new Date(wallClockMs(timeZone, instantMs));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const midnight = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(wall.getUTCDate(), lastDay);
  return instantOfWallClock(timeZone, Date.UTC(year, month, day) + (wall.getTime() - midnight));
}
