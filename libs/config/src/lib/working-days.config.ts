import { BUNDLED_CALENDAR_FILES, calendarFromFiles, type CalendarFile, type WorkingCalendar } from '@reform/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const YEAR_FILE = /^\d{4}\.json$/;

/**
 * The working-day calendar: the files shipped with the code, or — when WORKING_CALENDAR_DIR is
 * set — exactly the `<year>.json` files in that directory, so a new or corrected year needs no build.
 */
export function loadWorkingCalendar(dir: string | undefined): WorkingCalendar {
  if (dir === undefined) return calendarFromFiles(BUNDLED_CALENDAR_FILES);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => YEAR_FILE.test(name));
  } catch (error) {
    throw new Error(`cannot read the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (names.length === 0) throw new Error('the directory holds no <year>.json calendar files');
  return calendarFromFiles(names.sort().map((name) => readYearFile(dir, name)));
}

function readYearFile(dir: string, name: string): CalendarFile {
  try {
    return { name, content: JSON.parse(readFileSync(join(dir, name), 'utf8')) };
  } catch (error) {
    throw new Error(`calendar file ${name}: ${(error as Error).message}`);
  }
}
