import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../../validation/page.query';

/**
 * The contract's queue is every pending finding, so without `page`/`pageSize` nothing is left out;
 * either one asks for a page instead (page from 1, pageSize 1..200, default 50).
 */
export class ApprovalsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, description: 'a page instead of the whole queue' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(MAX_PAGE, { message: `$property must be at most ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, description: 'a page instead of the whole queue' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `$property must be at most ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}
