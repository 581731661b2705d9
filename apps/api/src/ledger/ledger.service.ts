import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import type { LedgerItem, LedgerRow, Page, Principal } from '@reform/contracts';
import { LedgerQueries, type LedgerFilter } from '@reform/persistence';
import type { Writable } from 'node:stream';
import { AccessScope } from '../auth/access-scope';
import { isUnitOnly } from '../findings/findings.service';
import { TooManyExportsError } from '../errors/too-many-exports.error';
import { inclusiveRange } from '../validation/date-range';
import type { LedgerQuery } from './dto/ledger.query';
import { writeLedgerCsv } from './export/ledger-csv.writer';
import { writeLedgerXlsx } from './export/ledger-xlsx.writer';

/** Each running export holds one database connection for its cursor; the pool must keep serving the API. */
export const MAX_CONCURRENT_EXPORTS = 3;
const BATCH_SIZE = 1000;

const WRITERS = { csv: writeLedgerCsv, xlsx: writeLedgerXlsx };

@Injectable()
export class LedgerService {
  private readonly logger = new Logger(LedgerService.name);
  private running = 0;

  constructor(
    private readonly ledger: LedgerQueries,
    private readonly config: AppConfigService,
    private readonly scope: AccessScope,
  ) {}

  /** The filter the caller may see: a unit user's ledger is always its own unit's; null when it asks for another's. */
  async filterFor(query: LedgerQuery, user: Principal): Promise<LedgerFilter | null> {
    const units = await this.scope.unitFilter(user, query.unitId);
    if (units === null) return null;
    const zone = this.config.workingDays.timeZone;
    return {
      status: query.status,
      unitId: units.unitId,
      within: units.within,
      trackingOfficeId: query.trackingOfficeId,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      escalationLevel: query.escalationLevel,
      caseId: query.caseId?.toLowerCase(),
      assignedOnly: isUnitOnly(user),
      accountability: query.accountability,
      due: inclusiveRange(query.dueFrom, query.dueTo, zone),
      created: inclusiveRange(query.createdFrom, query.createdTo, zone),
      closed: inclusiveRange(query.closedFrom, query.closedTo, zone),
    };
  }

  async page(query: LedgerQuery, user: Principal): Promise<Page<LedgerItem>> {
    const filter = await this.filterFor(query, user);
    if (filter === null) return { items: [], total: 0 };
    const found = await this.ledger.page(filter, { page: query.page, pageSize: query.pageSize });
    const offset = (query.page - 1) * query.pageSize;
    return { items: found.items.map((row, index) => ({ seq: offset + index + 1, ...row })), total: found.total };
  }

  /** Streams the whole filtered ledger into `out`; refuses (429) when too many exports already run. */
  async export(format: keyof typeof WRITERS, query: LedgerQuery, user: Principal, out: Writable): Promise<void> {
    if (this.running >= MAX_CONCURRENT_EXPORTS) throw new TooManyExportsError(MAX_CONCURRENT_EXPORTS);
    this.running += 1;
    const started = Date.now();
    try {
      const filter = await this.filterFor(query, user);
      const batches = filter === null ? nothing() : readAhead(this.ledger.stream(filter, BATCH_SIZE));
      await WRITERS[format](batches, out, this.config.workingDays.timeZone);
      this.logger.log(`ledger exported as ${format} for ${user.id} in ${Date.now() - started} ms`);
    } finally {
      this.running -= 1;
    }
  }
}

/**
 * Asks for the next batch as soon as one is handed on, so that PostgreSQL reads it while the
 * writer formats this one (one batch ahead: the memory stays a batch, the cursor one statement).
 */
export async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = source.next();
      yield current.value;
    }
  } finally {
    // Stopped early: let the fetch under way settle, then close the source (its cursor and connection).
    await next.catch(() => undefined);
    await source.return(undefined);
  }
}

async function* nothing(): AsyncGenerator<LedgerRow[]> {
  // a unit asking for another unit's ledger gets the headers and no rows
}
