import { ApiProperty } from '@nestjs/swagger';
import { CASE_SOURCES, type CaseSource } from '@reform/contracts';
import { IsIn } from 'class-validator';
import { Text } from '../../validation/field.decorators';

/** The case a bulk intake opens: these form fields, plus the findings in the uploaded `file`. */
export class ImportCaseDto {
  @Text(200)
  title: string;

  @Text(10000, '案情 — what happened')
  summary: string;

  @ApiProperty({ enum: CASE_SOURCES })
  @IsIn(CASE_SOURCES)
  source: CaseSource;
}
