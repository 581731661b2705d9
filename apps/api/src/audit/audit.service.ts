import { Injectable } from '@nestjs/common';
import type { AuditEntry, ChainVerdict, Page } from '@reform/contracts';
import { AuditChainQueries, AuditQueries } from '@reform/persistence';
import { normaliseIsoDate } from '../validation/iso-date.validators';
import type { AuditQuery } from './dto/audit.query';

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditQueries,
    private readonly chain: AuditChainQueries,
  ) {}

  list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const filter = {
      entityId: query.entityId?.toLowerCase(),
      type: query.type,
      from: query.from === undefined ? undefined : normaliseIsoDate(query.from),
      to: query.to === undefined ? undefined : normaliseIsoDate(query.to),
    };
    return this.audit.list(filter, { page: query.page, pageSize: query.pageSize });
  }

  /** 防篡改核验 — recomputes every entry's hash and link; the earliest-stored break is named. */
  verify(entityId?: string): Promise<ChainVerdict> {
    return this.chain.verify(entityId);
  }
}
