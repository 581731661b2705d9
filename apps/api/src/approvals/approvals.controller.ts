import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingView } from '@reform/contracts';
import type { PageResult } from '@reform/persistence';
import { Roles } from '../auth/roles.decorator';
import { PageQuery } from '../validation/page.query';
import { ApprovalsService } from './approvals.service';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({ summary: "the supervisors' queue: findings with pendingApproval set, oldest first" })
  pending(@Query() query: PageQuery): Promise<PageResult<FindingView>> {
    return this.approvals.pending(query);
  }
}
