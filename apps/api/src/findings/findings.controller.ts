import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingView, Principal } from '@reform/contracts';
import type { PageResult } from '@reform/persistence';
import { CurrentUser } from '../auth/current-user.decorator';
import { Access } from '../auth/access.decorator';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { ListFindingsQuery } from './dto/list-findings.query';
import { FindingsService, type FindingWithEvents } from './findings.service';

@ApiTags('findings')
@ApiBearerAuth()
@Access({ roles: ['officer', 'supervisor', 'unit', 'auditor'], scope: 'own-unit' })
@Controller('findings')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Get()
  @ApiOperation({ summary: '台账 — the ledger of findings (a unit sees its own only)' })
  list(@Query() query: ListFindingsQuery, @CurrentUser() user: Principal): Promise<PageResult<FindingView>> {
    return this.findings.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'one finding with its timeline of events, in order' })
  get(@Param('id', new KnownIdPipe('finding')) id: string, @CurrentUser() user: Principal): Promise<FindingWithEvents> {
    return this.findings.getWithEvents(id, user);
  }
}
