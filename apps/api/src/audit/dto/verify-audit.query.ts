import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../validation/field.decorators';

export class VerifyAuditQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "check one case's or finding's chain only" })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  entityId?: string;
}
