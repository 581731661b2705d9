import { Injectable } from '@nestjs/common';
import type { FindingInCase, FindingWithEvents, Page, Principal } from '@reform/contracts';
import { AppConfigService } from '@reform/config';
import { nextRungAt } from '@reform/domain';
import { AuditQueries, FindingQueries } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { NotFoundError } from '../errors/not-found.error';
import type { ListFindingsQuery } from './dto/list-findings.query';

const NOTHING: Page<FindingInCase> = { items: [], total: 0 };

@Injectable()
export class FindingsService {
  constructor(
    private readonly findings: FindingQueries,
    private readonly audit: AuditQueries,
    private readonly scope: AccessScope,
    private readonly config: AppConfigService,
  ) {}

  /** A unit user's list is always its own unit's; asking for another unit simply finds nothing. */
  async list(query: ListFindingsQuery, user: Principal): Promise<Page<FindingInCase>> {
    const units = await this.scope.unitFilter(user, query.unitId);
    if (units === null) return NOTHING;
    const filter = {
      status: query.status,
      unitId: units.unitId,
      within: units.within,
      trackingOfficeId: query.trackingOfficeId,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      escalationLevel: query.escalationLevel,
      caseId: query.caseId?.toLowerCase(),
      assignedOnly: isUnitOnly(user),
    };
    return this.findings.list(filter, { page: query.page, pageSize: query.pageSize });
  }

  async getWithEvents(id: string, user: Principal): Promise<FindingWithEvents> {
    const finding = await this.getVisible(id, user);
    const events = await this.audit.timeline(id);
    return { ...finding, events, nextEscalationAt: nextRungAt(finding, events, this.config.policy) };
  }

  /**
   * Another unit's finding is reported exactly like an unknown one, so its existence does not leak;
   * so is, to a unit, a finding of a recommendation not yet issued (DRAFT).
   */
  async getVisible(id: string, user: Principal): Promise<FindingInCase> {
    const finding = await this.findings.findById(id);
    const hidden = !finding || (finding.status === 'DRAFT' && isUnitOnly(user));
    if (hidden || !(await this.scope.sees(user, finding))) throw new NotFoundError('finding', id);
    return finding;
  }
}

/** A caller who is only a unit's user: the discipline side's drafts are not theirs to see. */
export function isUnitOnly(user: Principal): boolean {
  return user.roles.every((role) => role === 'unit');
}
