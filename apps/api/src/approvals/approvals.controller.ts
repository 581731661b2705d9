import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingView } from '@reform/contracts';
import type { PageResult } from '@reform/persistence';
import { Access } from '../auth/access.decorator';
import { ApprovalsService } from './approvals.service';
import { ApprovalsQuery } from './dto/approvals.query';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @Access({ roles: ['supervisor'], scope: 'all' })
  @ApiOperation({ summary: "the supervisors' queue: every finding with pendingApproval set, oldest first (a page only when asked for)" })
  pending(@Query() query: ApprovalsQuery): Promise<PageResult<FindingView>> {
    return this.approvals.pending(query);
  }
}
