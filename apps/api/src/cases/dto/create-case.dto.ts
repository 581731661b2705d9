import { ApiProperty } from '@nestjs/swagger';
import { CASE_SOURCES, type CaseSource } from '@reform/contracts';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { IsArrayOfSize } from '../../validation/array-size.validator';
import { Text } from '../../validation/field.decorators';
import { NewFindingDto } from './new-finding.dto';

export const MAX_FINDINGS_PER_CASE = 200;

/** 案件 — a case as an officer opens it, with its first findings. */
export class CreateCaseDto {
  @Text(200)
  title: string;

  @Text(10000, '案情 — what happened')
  summary: string;

  @ApiProperty({ enum: CASE_SOURCES })
  @IsIn(CASE_SOURCES)
  source: CaseSource;

  @ApiProperty({ type: [NewFindingDto], minItems: 1, maxItems: MAX_FINDINGS_PER_CASE })
  @IsArrayOfSize(1, MAX_FINDINGS_PER_CASE, 'finding')
  @ValidateNested({ each: true })
  @Type(() => NewFindingDto)
  findings: NewFindingDto[];
}
