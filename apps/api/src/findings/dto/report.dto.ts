import { ApiProperty } from '@nestjs/swagger';
import type { Evidence } from '@reform/contracts';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IsArrayOfSize } from '../../validation/array-size.validator';
import { Text } from '../../validation/field.decorators';
import { IsText } from '../../validation/text-rule.validator';

export const MAX_EVIDENCE = 50;

/** 证据 — one file proving a fix, identified by its hash. */
export class EvidenceDto implements Evidence {
  @Text(255)
  name: string;

  @ApiProperty({ pattern: '^[a-fA-F0-9]{64}$' })
  @IsText({ max: 64, pattern: { regex: /^[a-fA-F0-9]{64}$/, message: 'must be 64 hexadecimal characters (a SHA-256 digest)' } })
  sha256: string;

  @Text(2000)
  uri: string;
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
