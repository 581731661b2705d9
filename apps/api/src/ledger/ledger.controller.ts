import { Controller, Get, Logger, NotAcceptableException, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppConfigService } from '@reform/config';
import type { Principal } from '@reform/contracts';
import { localDate } from '@reform/domain';
import { LedgerPageSchema } from '@reform/contracts/http';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Access } from '../auth/access.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { LedgerQuery, type LedgerFormat } from './dto/ledger.query';
import { LedgerService } from './ledger.service';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MEDIA_TYPES: Record<LedgerFormat, string> = { json: 'application/json', csv: CSV_TYPE, xlsx: XLSX_TYPE };

/** ?format= wins; otherwise the Accept header, JSON when it accepts anything. */
export function negotiate(request: Request, format: LedgerFormat | undefined): LedgerFormat {
  if (format) return format;
  const chosen = request.accepts([MEDIA_TYPES.json, CSV_TYPE, XLSX_TYPE]);
  const found = (Object.keys(MEDIA_TYPES) as LedgerFormat[]).find((key) => MEDIA_TYPES[key] === chosen);
  if (!found) throw new NotAcceptableException(`the ledger is served as ${Object.values(MEDIA_TYPES).join(', ')}`);
  return found;
}

/** Named by the business date (台账-20261201.csv), which is the day people filed it under, not UTC's. */
export function attachment(format: 'csv' | 'xlsx', timeZone: string, nowMs = Date.now()): string {
  const day = localDate(timeZone, nowMs).replaceAll('-', '');
  return `attachment; filename="ledger-${day}.${format}"; filename*=UTF-8''${encodeURIComponent(`台账-${day}.${format}`)}`;
}

@ApiTags('ledger')
@ApiBearerAuth()
@Access({ roles: ['officer', 'supervisor', 'unit', 'auditor'], scope: 'scoped' })
@Controller('ledger')
export class LedgerController {
  private readonly logger = new Logger(LedgerController.name);

  constructor(
    private readonly ledger: LedgerService,
    private readonly config: AppConfigService,
  ) {}

  @Get()
  @ApiOperation({
    summary: '台账 — one row per finding: a page as JSON, or all matching rows as CSV or XLSX (a unit sees its own only)',
  })
  @ApiProduces(MEDIA_TYPES.json, CSV_TYPE, XLSX_TYPE)
  @Responds(200, LedgerPageSchema, 'a page of the ledger as JSON, or every matching row as a CSV or XLSX download', {
    [CSV_TYPE]: { type: 'string', description: 'UTF-8 with BOM, a header row of the 台账 columns' },
    [XLSX_TYPE]: { type: 'string', format: 'binary' },
  })
  @Refuses(400, 406)
  async get(
    @Query() query: LedgerQuery,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const format = negotiate(request, query.format);
    response.vary('Accept');
    if (format === 'json') {
      response.json(await this.ledger.page(query, user));
      return;
    }
    response.status(200).type(MEDIA_TYPES[format]).setHeader('Content-Disposition', attachment(format, this.config.workingDays.timeZone));
    try {
      await this.ledger.export(format, query, user, response);
    } catch (error) {
      // Once rows have gone out the status cannot change: cut the download short so it is not taken as complete.
      if (!response.headersSent) {
        response.removeHeader('Content-Disposition');
        throw error;
      }
      this.logger.warn(`ledger export ended early: ${(error as Error).message}`);
      response.destroy();
    }
  }
}
