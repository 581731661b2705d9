import { Injectable } from '@nestjs/common';
import type { ApprovalQueue, Principal } from '@reform/contracts';
import { AccessScope } from '../auth/access-scope';
import { FindingQueries, RecommendationQueries } from '@reform/persistence';
import type { ApprovalsQuery } from './dto/approvals.query';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class ApprovalsService {
  constructor(
    private readonly findings: FindingQueries,
    private readonly scope: AccessScope,
    private readonly recommendations: RecommendationQueries,
  ) {}

  /**
   * 待审批 — every finding within the supervisor's jurisdiction waiting on a supervisor, the
   * longest-waiting first, and beside them the recommendations waiting for sign-off (待签发).
   */
  async pending(query: ApprovalsQuery, user: Principal): Promise<ApprovalQueue> {
    const { within } = await this.scope.scopeFor(user);
    const page =
      query.page === undefined && query.pageSize === undefined
        ? undefined
        : { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE };
    const [findings, recommendations] = await Promise.all([
      this.findings.listPendingApprovals(page, within),
      this.recommendations.pendingSignoff(within),
    ]);
    return { ...findings, recommendations };
  }
}
