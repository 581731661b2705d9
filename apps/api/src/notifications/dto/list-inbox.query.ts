import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../validation/page.query';

export class ListInboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only those the caller has not read' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}
