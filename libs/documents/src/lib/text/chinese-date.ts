import { chineseDigits, chineseNumber } from './chinese-numerals';

/**
 * 成文日期 in Chinese numerals — 二〇二六年十二月二日 — for the calendar day `iso` falls on in
 * `timeZone` (an IANA name): a deadline at 2026-12-01T16:30Z is 2 December in Beijing, and the
 * document must say what the reader's calendar says.
 */
export function chineseDate(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO date-time: ${iso}`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return `${chineseDigits(part('year'))}年${chineseNumber(part('month'))}月${chineseNumber(part('day'))}日`;
}
