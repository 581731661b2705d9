import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/** Keeps (page - 1) * pageSize a safe integer, so a huge page is a 400 and never reaches SQL as Infinity. */
export const MAX_PAGE = 1_000_000_000;

/** Every list paginates: page from 1, pageSize 1..200 (default 50). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(MAX_PAGE, { message: `$property must be at most ${MAX_PAGE}` })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `$property must be at most ${MAX_PAGE_SIZE}` })
  pageSize = 50;
}
