import type { AppConfigService } from '@reform/config';
import { BUNDLED_CALENDAR_FILES, calendarFromFiles } from '@reform/domain';
import { InvalidInputError } from '../errors/invalid-input.error';
import { WorkingDayDeadlines } from './working-day-deadlines';

const workingDays = { calendar: calendarFromFiles(BUNDLED_CALENDAR_FILES), timeZone: 'Asia/Shanghai', deadlineTime: '18:00' };
const deadlines = new WorkingDayDeadlines({ workingDays } as unknown as AppConfigService);
const noonInBeijing = Date.parse('2026-02-13T12:00:00+08:00');

describe('WorkingDayDeadlines', () => {
  it('passes a date through, normalised', () => {
    expect(deadlines.resolve({ dueAt: '2099-03-01T09:30:00+08:00' }, 'x')).toBe('2099-03-01T01:30:00.000Z');
  });

  it('counts working days from the given moment, around Spring Festival', () => {
    expect(deadlines.resolve({ workingDays: 2 }, 'x', noonInBeijing)).toBe('2026-02-24T10:00:00.000Z');
  });

  it('answers 400 naming the field when the calendar lacks the year it reaches', () => {
    const late = Date.parse('2027-12-28T12:00:00+08:00');
    expect(() => deadlines.resolve({ workingDays: 5 }, 'requestedDueInWorkingDays', late)).toThrow(InvalidInputError);
    expect(() => deadlines.resolve({ workingDays: 5 }, 'requestedDueInWorkingDays', late)).toThrow(
      /^requestedDueInWorkingDays cannot be counted: the working-day calendar has no data for 2028/,
    );
  });
});
