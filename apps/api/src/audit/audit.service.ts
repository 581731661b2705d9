import { Injectable } from '@nestjs/common';
import type { AuditEntry, ChainVerdict, Page, Principal } from '@reform/contracts';
import { AuditChainQueries, AuditQueries } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { normaliseIsoDate } from '../validation/iso-date.validators';
import type { AuditQuery } from './dto/audit.query';

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditQueries,
    private readonly chain: AuditChainQueries,
    private readonly scope: AccessScope,
  ) {}

  /** Within a jurisdiction, the events of its findings and their cases (the registers' events are the root's). */
  async list(query: AuditQuery, user: Principal): Promise<Page<AuditEntry>> {
    const { within } = await this.scope.scopeFor(user);
    const filter = {
      within,
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
