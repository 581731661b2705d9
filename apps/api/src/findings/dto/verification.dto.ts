import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DecisionComment, OptionalFutureDate } from '../../validation/field.decorators';

export const VERIFICATION_DECISIONS = ['pass', 'fail'] as const;

/** 验收 — a supervisor's decision on a report; a fail may set a new deadline. */
export class VerifyDto {
  @ApiProperty({ enum: VERIFICATION_DECISIONS })
  @IsIn(VERIFICATION_DECISIONS)
  decision: (typeof VERIFICATION_DECISIONS)[number];

  @DecisionComment((body: VerifyDto) => body.decision === 'fail', 'decision is "fail"')
  comment?: string;

  @OptionalFutureDate()
  newDueAt?: string;
}
