import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, Matches, ValidateNested } from 'class-validator';
import { IsArrayOfSize } from '../../validation/array-size.validator';
import { DecisionComment, OptionalFutureDate, OptionalText, Text, UUID_PATTERN } from '../../validation/field.decorators';
import { MAX_FINDINGS_PER_RECOMMENDATION } from './create-recommendation.dto';

/** A draft revised (DRAFT only): any of its text and its reply deadline. */
export class EditRecommendationDto {
  @OptionalText(200)
  title?: string;

  @OptionalText(20000, '问题成因分析')
  causeAnalysis?: string;

  @OptionalText(20000, '整改建议')
  measures?: string;

  @OptionalFutureDate()
  replyDueAt?: string;
}

export const SIGNOFF_DECISIONS = ['approve', 'return'] as const;

/** 审核签发 — approve (issue) or return the draft with a comment. */
export class SignOffDto {
  @ApiProperty({ enum: SIGNOFF_DECISIONS })
  @IsIn(SIGNOFF_DECISIONS)
  decision: (typeof SIGNOFF_DECISIONS)[number];

  @DecisionComment((body: SignOffDto) => body.decision === 'return', 'decision is "return"')
  comment?: string;
}

/** 签收 — the unit's head or liaison signs for the recommendation, optionally with a statement (表态). */
export class ReceiptDto {
  @Text(100, '签收人 — who signs for it')
  signedBy: string;

  @OptionalText(5000, '表态 — the statement made on signing')
  statement?: string;
}

export class ReplyPlanDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  findingId: string;

  @Text(20000, "整改方案 — this finding's plan")
  content: string;
}

/** 书面回复 — the unit's written answer, signed by its head, with a plan for every finding. */
export class ReplyDto {
  @Text(20000)
  content: string;

  @Text(100, '签发人 — the head of the unit who signs the reply')
  signedBy: string;

  @ApiProperty({ type: [ReplyPlanDto], minItems: 1, maxItems: MAX_FINDINGS_PER_RECOMMENDATION })
  @IsArrayOfSize(1, MAX_FINDINGS_PER_RECOMMENDATION, 'plan')
  @ValidateNested({ each: true })
  @Type(() => ReplyPlanDto)
  plans: ReplyPlanDto[];
}
