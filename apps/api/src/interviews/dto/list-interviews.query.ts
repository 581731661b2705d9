import { ApiPropertyOptional } from '@nestjs/swagger';
import { INTERVIEW_STATUSES, type InterviewStatus } from '@reform/contracts';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { UNIT_ID_MESSAGE, UNIT_ID_PATTERN, UUID_PATTERN } from '../../validation/field.decorators';
import { PageQuery } from '../../validation/page.query';

export class ListInterviewsQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @MaxLength(64)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  unitId?: string;

  @ApiPropertyOptional({ enum: INTERVIEW_STATUSES })
  @IsOptional()
  @IsIn(INTERVIEW_STATUSES)
  status?: InterviewStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the interview this finding joined' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  findingId?: string;
}
