import { ApiPropertyOptional } from '@nestjs/swagger';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '@reform/contracts';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { UNIT_ID_MESSAGE, UNIT_ID_PATTERN, UUID_PATTERN } from '../../validation/field.decorators';
import { PageQuery } from '../../validation/page.query';

export class ListRecommendationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RECOMMENDATION_STATUSES })
  @IsOptional()
  @IsIn(RECOMMENDATION_STATUSES)
  status?: RecommendationStatus;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @MaxLength(64)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: a receipt or a reply overdue; false: neither' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
