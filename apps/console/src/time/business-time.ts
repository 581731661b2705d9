import { localDate, localDateTime, zonedInstant } from '@reform/domain/zoned-time';

/** The zone of the demo and of every county commission; the API's GET /settings says which one counts. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let timeZone = DEFAULT_TIME_ZONE;

/**
 * TZ_BUSINESS, as the API served it: every date the console shows or takes is on this wall clock,
 * whatever zone the browser is in (a 18:00 deadline reads 18:00 in New York too).
 */
export function businessTimeZone(): string {
  return timeZone;
}

export function setBusinessTimeZone(zone: string): void {
  timeZone = zone;
}

/** The calendar day (YYYY-MM-DD) in the business zone. */
export function businessDate(instantMs: number = Date.now()): string {
  return localDate(timeZone, instantMs);
}

/** An instant as a `<input type="datetime-local">` value on the business wall clock, to the minute. */
export function businessInputOf(instantMs: number): string {
  return localDateTime(timeZone, instantMs).replace(' ', 'T');
}

/** A `datetime-local` value read on the business wall clock, as an ISO instant; '' → undefined, nonsense passes through for the API to refuse. */
export function instantOfBusinessInput(value: string): string | undefined {
  if (!value) return undefined;
  const [date, time] = value.split('T');
  try {
    return new Date(zonedInstant(timeZone, date, time ?? '')).toISOString();
  } catch {
    return value;
  }
}

/** A `<input type="date">` value (YYYY-MM-DD) of an instant, on the business calendar. */
export function businessDateInputOf(iso: string | null | undefined): string {
  return iso ? businessDate(Date.parse(iso)) : '';
}

/** 北京时间 for Asia/Shanghai (how people there say it), else the zone's own name. */
export function zoneLabel(zone: string, lang: 'zh' | 'en'): string {
  if (zone === 'Asia/Shanghai') return lang === 'zh' ? '北京时间' : 'Beijing time';
  return zone;
}
