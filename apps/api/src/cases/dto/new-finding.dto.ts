import { DeadlineDate, WorkingDays } from '../../validation/deadline-choice.decorators';
import { OptionalText, Text, TrackingOfficeId, UnitId } from '../../validation/field.decorators';

/** 问题 — one weakness an officer records, for a unit to fix by `dueAt` (or in `dueInWorkingDays`). */
export class NewFindingDto {
  @Text(200)
  title: string;

  @Text(5000)
  description: string;

  @OptionalText(100)
  category?: string;

  @UnitId()
  unitId: string;

  @OptionalText(100, '责任人 — the person answerable for the fix')
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
