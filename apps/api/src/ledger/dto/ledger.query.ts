import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNTABILITY_STATES, type Accountability } from '@reform/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ListFindingsQuery } from '../../findings/dto/list-findings.query';
import { OptionalRangeBound } from '../../validation/date-range';

export const LEDGER_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

/** 台账 filters: those of GET /findings, plus accountability and inclusive date ranges. */
export class LedgerQuery extends ListFindingsQuery {
  @ApiPropertyOptional({ enum: ACCOUNTABILITY_STATES })
  @IsOptional()
  @IsIn(ACCOUNTABILITY_STATES)
  accountability?: Accountability;

  @OptionalRangeBound('deadline (整改时限) on or after')
  dueFrom?: string;

  @OptionalRangeBound('deadline on or before')
  dueTo?: string;

  @OptionalRangeBound('recorded on or after')
  createdFrom?: string;

  @OptionalRangeBound('recorded on or before')
  createdTo?: string;

  @OptionalRangeBound('closed out (销号) on or after')
  closedFrom?: string;

  @OptionalRangeBound('closed out on or before')
  closedTo?: string;

  @ApiPropertyOptional({
    enum: LEDGER_FORMATS,
    description:
      'instead of the Accept header (text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), e.g. for a browser link',
  })
  @IsOptional()
  @IsIn(LEDGER_FORMATS)
  format?: LedgerFormat;
}
