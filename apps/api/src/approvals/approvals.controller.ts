import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingView, Page, Principal } from '@reform/contracts';
import { FindingPageSchema } from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { ApprovalsService } from './approvals.service';
import { ApprovalsQuery } from './dto/approvals.query';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: "the supervisors' queue: every finding with pendingApproval set, oldest first (a page only when asked for)" })
  @Responds(200, FindingPageSchema, 'the findings waiting on a supervisor')
  @Refuses(400)
  pending(@Query() query: ApprovalsQuery, @CurrentUser() user: Principal): Promise<Page<FindingView>> {
    return this.approvals.pending(query, user);
  }
}
