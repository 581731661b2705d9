import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { NewFindingDto } from '../../cases/dto/new-finding.dto';
import { IsArrayOfSize } from '../../validation/array-size.validator';
import { DeadlineDate, WorkingDays } from '../../validation/deadline-choice.decorators';
import { Text, UNIT_ID_MESSAGE, UNIT_ID_PATTERN, UnitId } from '../../validation/field.decorators';
import { IsText } from '../../validation/text-rule.validator';

export const MAX_FINDINGS_PER_RECOMMENDATION = 50;

/** One item (问题) of a recommendation: a finding whose unit, left out, is the recommendation's. */
export class RecommendationItemDto extends OmitType(NewFindingDto, ['unitId', 'trackingOfficeId'] as const) {
  @ApiPropertyOptional({ maxLength: 64, pattern: UNIT_ID_PATTERN.source, description: "the recommendation's unit; another one → 400" })
  @IsOptional()
  @IsText({ max: 64, pattern: { regex: UNIT_ID_PATTERN, message: UNIT_ID_MESSAGE } })
  unitId?: string;
}

/** 纪检监察建议书 — drafted by an officer with its items; it waits in DRAFT until signed off. */
export class CreateRecommendationDto {
  @UnitId()
  unitId: string;

  @Text(200)
  title: string;

  @Text(20000, '问题成因分析 — why the problems arose; one paragraph per line')
  causeAnalysis: string;

  @Text(20000, '整改建议 — the measures expected; one paragraph per line')
  measures: string;

  @DeadlineDate('replyDueInWorkingDays', '回复时限 — the written reply is due by then; the findings’ plans are due with it')
  replyDueAt?: string;

  @WorkingDays('回复时限 in working days: DEADLINE_TIME (18:00) in TZ_BUSINESS on the N-th working day after today')
  replyDueInWorkingDays?: number;

  @ApiProperty({ type: [RecommendationItemDto], minItems: 1, maxItems: MAX_FINDINGS_PER_RECOMMENDATION })
  @IsArrayOfSize(1, MAX_FINDINGS_PER_RECOMMENDATION, 'finding')
  @ValidateNested({ each: true })
  @Type(() => RecommendationItemDto)
  findings: RecommendationItemDto[];
}
