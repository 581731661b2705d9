import { ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPES, type EventType } from '@reform/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../validation/field.decorators';
import { IsIsoDate } from '../../validation/iso-date.validators';
import { PageQuery } from '../../validation/page.query';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'a case or finding id' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  entityId?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES })
  @IsOptional()
  @IsIn(EVENT_TYPES)
  type?: EventType;

  @ApiPropertyOptional({ format: 'date-time', description: 'events at or after this time' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events at or before this time' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}
