import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DecisionComment, OptionalFutureDate } from '../../validation/field.decorators';

export const FOLLOW_UP_RESULTS = ['held', 'relapsed'] as const;

/** 回头看 — whether a closed-out fix held; a relapse reopens it with a new deadline. */
export class ReviewFollowUpDto {
  @ApiProperty({ enum: FOLLOW_UP_RESULTS })
  @IsIn(FOLLOW_UP_RESULTS)
  result: (typeof FOLLOW_UP_RESULTS)[number];

  @DecisionComment((body: ReviewFollowUpDto) => body.result === 'relapsed', 'result is "relapsed"')
  comment?: string;

  @OptionalFutureDate({ test: (body: ReviewFollowUpDto) => body.result === 'relapsed', when: 'result is "relapsed"' })
  newDueAt?: string;
}
