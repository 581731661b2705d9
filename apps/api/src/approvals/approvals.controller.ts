import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApprovalQueue, Principal } from '@reform/contracts';
import { ApprovalQueueSchema } from '@reform/contracts/http';
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
  @ApiOperation({
    summary:
      "the supervisors' queue: every finding with pendingApproval set, oldest first (a page only when asked for), and the recommendations pending sign-off",
  })
  @Responds(200, ApprovalQueueSchema, 'the findings waiting on a supervisor, and the recommendations waiting for sign-off')
  @Refuses(400)
  pending(@Query() query: ApprovalsQuery, @CurrentUser() user: Principal): Promise<ApprovalQueue> {
    return this.approvals.pending(query, user);
  }
}
