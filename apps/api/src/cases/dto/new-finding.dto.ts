import { DeadlineDate, WorkingDays } from '../../validation/deadline-choice.decorators';
import { OptionalText, Text, TrackingOfficeId, UnitId } from '../../validation/field.decorators';

/** The longest text each field takes, in characters; bulk intake names the bound when a cell is over it. */
export const FINDING_TEXT_MAX = { title: 200, description: 5000, category: 100, responsiblePerson: 100 } as const;

/** 问题 — one weakness an officer records, for a unit to fix by `dueAt` (or in `dueInWorkingDays`). */
export class NewFindingDto {
  @Text(FINDING_TEXT_MAX.title)
  title: string;

  @Text(FINDING_TEXT_MAX.description)
  description: string;

  @OptionalText(FINDING_TEXT_MAX.category)
  category?: string;

  @UnitId()
  unitId: string;

  @OptionalText(FINDING_TEXT_MAX.responsiblePerson, '责任人 — the person answerable for the fix')
  responsiblePerson?: string;

  @TrackingOfficeId()
  trackingOfficeId?: string;

  @DeadlineDate('dueInWorkingDays', '整改时限 — the rectification deadline, in the future')
  dueAt?: string;

  @WorkingDays(
    '整改时限 in working days: the deadline is DEADLINE_TIME (18:00) in TZ_BUSINESS on the N-th working day after today, on the holiday calendar',
  )
  dueInWorkingDays?: number;
}
