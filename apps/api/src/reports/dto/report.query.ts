import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { OptionalRangeBound } from '../../validation/date-range';
import { UNIT_ID_MESSAGE, UNIT_ID_PATTERN } from '../../validation/field.decorators';

/** The unit, or the org unit's jurisdiction, a report covers (within the caller's); all optional. Ageing is a snapshot of now. */
export class AgeingQuery {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @MaxLength(64)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  unitId?: string;

  @ApiPropertyOptional({
    maxLength: 40,
    description: "an org unit: its own units, supervised units and tracked findings (its whole subtree's with rollup=true)",
  })
  @IsOptional()
  @MaxLength(40)
  @Matches(UNIT_ID_PATTERN, { message: `$property ${UNIT_ID_MESSAGE}` })
  orgUnitId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "with orgUnitId: roll the org unit's subtree up into its figures (for the level above)",
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'rollup must be true or false' })
  rollup?: 'true' | 'false';
}

/** The period (inclusive; days in TZ_BUSINESS) too. */
export class ReportQuery extends AgeingQuery {
  @OptionalRangeBound('from')
  from?: string;

  @OptionalRangeBound('to')
  to?: string;
}
