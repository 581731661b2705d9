import { Injectable } from '@nestjs/common';
import type { FindingView } from '@reform/contracts';
import { FindingQueries, type PageResult } from '@reform/persistence';
import type { PageQuery } from '../validation/page.query';

@Injectable()
export class ApprovalsService {
  constructor(private readonly findings: FindingQueries) {}

  /** 待审批 — every finding waiting on a supervisor, the longest-waiting first. */
  pending(query: PageQuery): Promise<PageResult<FindingView>> {
    return this.findings.listPendingApprovals({ page: query.page, pageSize: query.pageSize });
  }
}
