import type { NewFinding } from '@reform/contracts';
import { FutureDate, OptionalText, Text, UnitId } from '../../validation/field.decorators';

/** 问题 — one weakness an officer records, for a unit to fix by `dueAt`. */
export class NewFindingDto implements NewFinding {
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

  @FutureDate('整改时限 — the rectification deadline, in the future')
  dueAt: string;
}
