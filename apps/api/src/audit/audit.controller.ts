import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, ChainVerdict, Page, Principal } from '@reform/contracts';
import { AuditEntryPageSchema, ChainVerdictSchema } from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { AuditService } from './audit.service';
import { AuditQuery } from './dto/audit.query';
import { VerifyAuditQuery } from './dto/verify-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access({ roles: ['auditor', 'supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: 'the append-only log of every case and finding event, oldest first' })
  @Responds(200, AuditEntryPageSchema, 'a page of the audit log')
  @Refuses(400)
  list(@Query() query: AuditQuery, @CurrentUser() user: Principal): Promise<Page<AuditEntry>> {
    return this.audit.list(query, user);
  }

  @Get('verify')
  @Access({ roles: ['auditor', 'supervisor'], scope: 'all' })
  @ApiOperation({
    summary: 'recompute the hash chains of the audit log: {ok:true, entries} or {ok:false, firstBrokenSeq, entityId, reason}',
  })
  @Responds(200, ChainVerdictSchema, 'whether every chain holds')
  @Refuses(400)
  verify(@Query() query: VerifyAuditQuery): Promise<ChainVerdict> {
    return this.audit.verify(query.entityId?.toLowerCase());
  }
}
