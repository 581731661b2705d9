import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_SOURCES, type CaseSource } from '@reform/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Text } from '../../validation/field.decorators';

/** A multipart form field is text: "true"/"false" are read as the flag, anything else stays text and is refused. */
const formFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The case a bulk intake opens: these form fields, plus the findings in the uploaded `file`. */
export class ImportCaseDto {
  @Text(200)
  title: string;

  @Text(10000, '案情 — what happened')
  summary: string;

  @ApiProperty({ enum: CASE_SOURCES })
  @IsIn(CASE_SOURCES)
  source: CaseSource;

  @ApiPropertyOptional({
    type: 'boolean',
    description: '预检 — true: check the file exactly as the import would and answer what it would create; nothing is created',
  })
  @IsOptional()
  @Transform(formFlag)
  @IsBoolean()
  dryRun?: boolean;
}
