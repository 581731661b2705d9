import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateIf, ValidateNested } from 'class-validator';
import { IsArrayOfSize } from '../../validation/array-size.validator';
import { UUID_PATTERN } from '../../validation/field.decorators';
import { IsText } from '../../validation/text-rule.validator';
import { Text } from '../../validation/field.decorators';

export const MAX_EVIDENCE = 50;

const linked = (item: EvidenceDto) => item.fileId === undefined;

/**
 * 证据 — one file proving a fix: `{fileId}` of a file the unit uploaded with POST /files, or v1's
 * `{name, sha256, uri}` for a file kept elsewhere.
 */
export class EvidenceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a file your unit uploaded with POST /files; given alone' })
  @ValidateIf((item: EvidenceDto) => item.fileId !== undefined)
  @IsText({ max: 36, pattern: { regex: UUID_PATTERN, message: 'must be the id of an uploaded file (a UUID)' } })
  fileId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 255, description: 'without fileId: the file name' })
  @ValidateIf(linked)
  @IsText({ max: 255 })
  name?: string;

  @ApiPropertyOptional({ pattern: '^[a-fA-F0-9]{64}$', description: 'without fileId: its SHA-256' })
  @ValidateIf(linked)
  @IsText({ max: 64, pattern: { regex: /^[a-fA-F0-9]{64}$/, message: 'must be 64 hexadecimal characters (a SHA-256 digest)' } })
  sha256?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'without fileId: where it is kept' })
  @ValidateIf(linked)
  @IsText({ max: 2000 })
  uri?: string;
}

/** 整改报告 — the unit's report of what was fixed, with evidence. */
export class SubmitReportDto {
  @Text(20000)
  content: string;

  @ApiProperty({ type: [EvidenceDto], minItems: 1, maxItems: MAX_EVIDENCE })
  @IsArrayOfSize(1, MAX_EVIDENCE)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence: EvidenceDto[];
}
