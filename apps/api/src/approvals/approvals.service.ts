import { Injectable } from '@nestjs/common';
import type { FindingView, Page, Principal } from '@reform/contracts';
import { AccessScope } from '../auth/access-scope';
import { FindingQueries } from '@reform/persistence';
import type { ApprovalsQuery } from './dto/approvals.query';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class ApprovalsService {
  constructor(
    private readonly findings: FindingQueries,
    private readonly scope: AccessScope,
  ) {}

  /** 待审批 — every finding within the supervisor's jurisdiction waiting on a supervisor, the longest-waiting first. */
  async pending(query: ApprovalsQuery, user: Principal): Promise<Page<FindingView>> {
    const { within } = await this.scope.scopeFor(user);
    if (query.page === undefined && query.pageSize === undefined) return this.findings.listPendingApprovals(undefined, within);
    return this.findings.listPendingApprovals({ page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE }, within);
  }
}
