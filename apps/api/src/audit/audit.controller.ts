import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry } from '@reform/contracts';
import type { ChainVerdict, PageResult } from '@reform/persistence';
import { Access } from '../auth/access.decorator';
import { AuditService } from './audit.service';
import { AuditQuery } from './dto/audit.query';
import { VerifyAuditQuery } from './dto/verify-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access({ roles: ['auditor', 'supervisor'], scope: 'all' })
  @ApiOperation({ summary: 'the append-only log of every case and finding event, oldest first' })
  list(@Query() query: AuditQuery): Promise<PageResult<AuditEntry>> {
    return this.audit.list(query);
  }

  @Get('verify')
  @Access({ roles: ['auditor', 'supervisor'], scope: 'all' })
  @ApiOperation({
    summary: 'recompute the hash chains of the audit log: {ok:true, entries} or {ok:false, firstBrokenSeq, entityId, reason}',
  })
  verify(@Query() query: VerifyAuditQuery): Promise<ChainVerdict> {
    return this.audit.verify(query.entityId?.toLowerCase());
  }
}
