import { isCalendarDate, zonedInstant } from '@reform/domain';
import { isIsoDate } from '../../validation/iso-date.validators';
import type { RawCell } from './intake-file.reader';

/** A deadline cell read: a moment, a number of working days, or why it is neither. */
export type DeadlineCell = { dueAt: string } | { workingDays: number } | { problem: string };

const WORKING_DAYS = /^(\d+)\s*(?:个)?\s*工作日$/;
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const LOCAL_DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const WITH_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

const pad = (text: string) => text.padStart(2, '0');
const EXPECTED = 'must be a date (2026-03-31, 2026/3/31, 2026年3月31日, 2026-03-31 18:00) or a number of working days (10个工作日)';

/**
 * Reads 整改时限 the way a spreadsheet user writes it. A day alone means `deadlineTime` that day, and
 * times without a zone are wall-clock times in `timeZone` — the same way the ledger prints them.
 */
export function readDeadline(cell: RawCell, timeZone: string, deadlineTime: string): DeadlineCell {
  const at = (date: string, time: string): DeadlineCell =>
    isCalendarDate(date)
      ? { dueAt: new Date(zonedInstant(timeZone, date, time)).toISOString() }
      : { problem: `${EXPECTED}; ${date} is not a day` };
  if (cell instanceof Date) {
    // Spreadsheet dates carry no zone: their UTC fields are the wall clock the user typed.
    const [date, time] = cell.toISOString().slice(0, 19).split('T');
    return at(date, time === '00:00:00' ? deadlineTime : time);
  }
  if (typeof cell !== 'string') return { problem: EXPECTED };
  const text = cell.trim();
  const days = WORKING_DAYS.exec(text);
  if (days) return { workingDays: Number(days[1]) };
  const date = DATE.exec(text);
  if (date) return at(`${date[1]}-${pad(date[2])}-${pad(date[3])}`, deadlineTime);
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) return at(`${local[1]}-${pad(local[2])}-${pad(local[3])}`, `${pad(local[4])}:${local[5]}:${local[6] ?? '00'}`);
  if (WITH_ZONE.test(text) && isIsoDate(text)) return { dueAt: new Date(text).toISOString() };
  return { problem: EXPECTED };
}

/** 整改时限(工作日): a whole number, possibly written as "10个工作日". */
export function readWorkingDays(cell: RawCell): DeadlineCell {
  if (typeof cell === 'number') return { workingDays: cell };
  const text = typeof cell === 'string' ? cell.trim() : '';
  const match = /^(\d+)$/.exec(text) ?? WORKING_DAYS.exec(text);
  return match ? { workingDays: Number(match[1]) } : { problem: 'must be a whole number of working days, such as 10' };
}
