import { ApiPropertyOptional } from '@nestjs/swagger';
import { FINDING_STATUSES, MAX_ESCALATION_LEVEL, type FindingStatus } from '@reform/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { UNIT_ID_MESSAGE, UNIT_ID_PATTERN, UUID_PATTERN } from '../../validation/field.decorators';
import { PageQuery } from '../../validation/page.query';

/** Ledger filters; each one is served by an index on findings. */
export class ListFindingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FINDING_STATUSES })
  @IsOptional()
  @IsIn(FINDING_STATUSES)
  status?: FindingStatus;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @MaxLength(64)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  unitId?: string;

  @ApiPropertyOptional({ maxLength: 64, description: '跟踪单位 — the discipline-side org unit following the findings up' })
  @IsOptional()
  @MaxLength(64)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  trackingOfficeId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ESCALATION_LEVEL })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(0)
  @Max(MAX_ESCALATION_LEVEL)
  escalationLevel?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  caseId?: string;
}
