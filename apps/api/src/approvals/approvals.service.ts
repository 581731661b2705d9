import { Injectable } from '@nestjs/common';
import type { FindingView, Page } from '@reform/contracts';
import { FindingQueries } from '@reform/persistence';
import type { ApprovalsQuery } from './dto/approvals.query';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class ApprovalsService {
  constructor(private readonly findings: FindingQueries) {}

  /** 待审批 — every finding waiting on a supervisor, the longest-waiting first. */
  pending(query: ApprovalsQuery): Promise<Page<FindingView>> {
    if (query.page === undefined && query.pageSize === undefined) return this.findings.listPendingApprovals();
    return this.findings.listPendingApprovals({ page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  }
}
