import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DecisionComment, Text } from '../../validation/field.decorators';

/** 整改方案 — the unit's measures and milestones. */
export class SubmitPlanDto {
  @Text(20000)
  content: string;
}

export const PLAN_DECISIONS = ['approve', 'return'] as const;

export class DecidePlanDto {
  @ApiProperty({ enum: PLAN_DECISIONS })
  @IsIn(PLAN_DECISIONS)
  decision: (typeof PLAN_DECISIONS)[number];

  @DecisionComment((body: DecidePlanDto) => body.decision === 'return', 'decision is "return"')
  comment?: string;
}
