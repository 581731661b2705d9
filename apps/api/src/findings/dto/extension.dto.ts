import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DeadlineDate, WorkingDays } from '../../validation/deadline-choice.decorators';
import { DecisionComment, Text } from '../../validation/field.decorators';

/** 延期申请 — a unit asks for a later deadline. */
export class RequestExtensionDto {
  @DeadlineDate('requestedDueInWorkingDays', 'the deadline asked for: in the future and later than the current dueAt')
  requestedDueAt?: string;

  @WorkingDays('the deadline asked for, in working days from today (like dueInWorkingDays); must land after the current dueAt')
  requestedDueInWorkingDays?: number;

  @Text(2000)
  reason: string;
}

export const EXTENSION_DECISIONS = ['approve', 'deny'] as const;

export class DecideExtensionDto {
  @ApiProperty({ enum: EXTENSION_DECISIONS })
  @IsIn(EXTENSION_DECISIONS)
  decision: (typeof EXTENSION_DECISIONS)[number];

  @DecisionComment((body: DecideExtensionDto) => body.decision === 'deny', 'decision is "deny"')
  comment?: string;
}
