import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DecisionComment } from '../../validation/field.decorators';

export const ACCOUNTABILITY_DECISIONS = ['refer', 'reject'] as const;

/** 问责 — a supervisor refers or rejects a proposed accountability. */
export class DecideAccountabilityDto {
  @ApiProperty({ enum: ACCOUNTABILITY_DECISIONS })
  @IsIn(ACCOUNTABILITY_DECISIONS)
  decision: (typeof ACCOUNTABILITY_DECISIONS)[number];

  @DecisionComment((body: DecideAccountabilityDto) => body.decision === 'reject', 'decision is "reject"')
  comment?: string;
}
