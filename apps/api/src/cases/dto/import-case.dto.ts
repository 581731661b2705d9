import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_SOURCES, type CaseSource } from '@reform/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { Text } from '../../validation/field.decorators';

/** A multipart form field is text: "true"/"false" are read as the flag, anything else stays text and is refused. */
const formFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A dry run checks the file; the case's own fields are checked when given, so a file can be checked before they are typed. */
const checkedUnlessLeftOutOfDryRun = ValidateIf((dto: ImportCaseDto, value: unknown) => dto.dryRun !== true || value !== undefined);

/** The case a bulk intake opens: these form fields, plus the findings in the uploaded `file`. */
export class ImportCaseDto {
  @checkedUnlessLeftOutOfDryRun
  @Text(200, 'required unless dryRun is true')
  title: string;

  @checkedUnlessLeftOutOfDryRun
  @Text(10000, '案情 — what happened; required unless dryRun is true')
  summary: string;

  @ApiProperty({ enum: CASE_SOURCES, description: 'required unless dryRun is true' })
  @checkedUnlessLeftOutOfDryRun
  @IsIn(CASE_SOURCES)
  source: CaseSource;

  @ApiPropertyOptional({
    type: 'boolean',
    description:
      '预检 — true: check the file exactly as the import would and answer what it would create; nothing is created. title, summary and source may then be left out (they are checked when given)',
  })
  @IsOptional()
  @Transform(formFlag)
  @IsBoolean()
  dryRun?: boolean;
}
