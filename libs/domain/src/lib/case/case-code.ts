import { localDate } from '../calendar/zoned-time';

/** 案件编号 — a case code counts its year as the calendar year in the business's zone (TZ_BUSINESS) when it opened. */
export function caseCodeYear(openedAt: string, timeZone: string): number {
  return Number(localDate(timeZone, Date.parse(openedAt)).slice(0, 4));
}

const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * How the year was counted before the zone reached the workflow: China Standard Time (UTC+8), fixed.
 * Kept for workflows that began so (replay), and for a case started without a zone.
 */
export function chinaStandardYear(openedAt: string): number {
  return new Date(Date.parse(openedAt) + CST_OFFSET_MS).getUTCFullYear();
}
