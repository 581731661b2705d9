import type { CalendarFile } from './calendar-data';
import year2026 from './data/2026.json';
import year2027 from './data/2027.json';

/**
 * The calendar files shipped with the code (libs/domain/src/lib/calendar/data). WORKING_CALENDAR_DIR
 * replaces all of them at run time, so a new year needs no build.
 */
export const BUNDLED_CALENDAR_FILES: readonly CalendarFile[] = [
  { name: '2026.json', content: year2026 },
  { name: '2027.json', content: year2027 },
];
