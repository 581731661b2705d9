import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { OptionalRangeBound } from '../../validation/date-range';
import { UNIT_ID_MESSAGE, UNIT_ID_PATTERN } from '../../validation/field.decorators';

/** The period (inclusive; days in TZ_BUSINESS) and unit a report covers; all optional. */
export class ReportQuery {
  @OptionalRangeBound('from')
  from?: string;

  @OptionalRangeBound('to')
  to?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @MaxLength(64)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  unitId?: string;
}

/** Ageing is a snapshot of now: only the unit applies. */
export class AgeingQuery {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @MaxLength(64)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  unitId?: string;
}
