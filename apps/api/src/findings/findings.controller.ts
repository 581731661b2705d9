import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingInCase, FindingWithEvents, Page, Principal } from '@reform/contracts';
import { FindingPageSchema, FindingWithEventsSchema } from '@reform/contracts/http';
import { CurrentUser } from '../auth/current-user.decorator';
import { Access } from '../auth/access.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { ListFindingsQuery } from './dto/list-findings.query';
import { FindingsService } from './findings.service';

@ApiTags('findings')
@ApiBearerAuth()
@Access({ roles: ['officer', 'supervisor', 'unit', 'auditor'], scope: 'scoped' })
@Controller('findings')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Get()
  @ApiOperation({ summary: '台账 — the ledger of findings, each with its case code and title (a unit sees its own only)' })
  @Responds(200, FindingPageSchema, 'a page of findings, in the order they were recorded')
  @Refuses(400)
  list(@Query() query: ListFindingsQuery, @CurrentUser() user: Principal): Promise<Page<FindingInCase>> {
    return this.findings.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'one finding with its timeline of events, in order' })
  @Responds(200, FindingWithEventsSchema, 'the finding and its events')
  @Refuses(404)
  get(@Param('id', new KnownIdPipe('finding')) id: string, @CurrentUser() user: Principal): Promise<FindingWithEvents> {
    return this.findings.getWithEvents(id, user);
  }
}
