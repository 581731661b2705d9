import { parsePolicyDuration, type CalendarDuration } from './duration';

const DAY = 86_400_000;

/** For ordering a list only, a month counts as 30 days; each reminder's moment is counted on the calendar. */
const nominalMs = ({ months, ms }: CalendarDuration) => months * 30 * DAY + ms;

const sameOffset = (a: CalendarDuration, b: CalendarDuration) => a.months === b.months && a.ms === b.ms;

/**
 * Reads POLICY_REMIND_BEFORE: one policy duration, or a comma list of them (P7D,P3D,P1D), longest
 * first. Returns why not, naming the entry, for the start-up error.
 */
export function parseRemindBefore(text: string): CalendarDuration[] | { refused: string } {
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.length === 1) {
    const offset = parsePolicyDuration(text);
    return 'refused' in offset ? offset : [offset];
  }
  const offsets: CalendarDuration[] = [];
  for (const entry of entries) {
    if (entry === '') return { refused: 'has an empty entry: write the offsets apart by commas, such as P7D,P3D,P1D' };
    const offset = parsePolicyDuration(entry);
    if ('refused' in offset) return { refused: `entry ${JSON.stringify(entry)} ${offset.refused}` };
    const earlier = offsets.findIndex((other) => sameOffset(other, offset));
    if (earlier >= 0)
      return { refused: `entry ${JSON.stringify(entry)} repeats ${JSON.stringify(entries[earlier])}: give each offset once` };
    offsets.push(offset);
  }
  return offsets.sort((a, b) => nominalMs(b) - nominalMs(a) || b.months - a.months);
}
