import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, type CaseStatus } from '@reform/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../validation/page.query';

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}
