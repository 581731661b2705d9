import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseView, CaseWithFindings, FindingView, Principal } from '@reform/contracts';
import type { PageResult } from '@reform/persistence';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Access } from '../auth/access.decorator';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { CasesService } from './cases.service';
import { CreateCaseDto } from './dto/create-case.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { NewFindingDto } from './dto/new-finding.dto';
import { IdempotencyKey, IDEMPOTENCY_KEY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency-key.decorator';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Access({ roles: ['officer'], scope: 'all' })
  @ApiOperation({ summary: '立案 — open a case with its first findings (201; 200 when an idempotent replay)' })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: `1..${MAX_IDEMPOTENCY_KEY_LENGTH} characters` })
  async open(
    @Body() dto: CreateCaseDto,
    @CurrentUser() user: Principal,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseWithFindings> {
    const { opened, created } = await this.cases.open(dto, user, idempotencyKey);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return opened;
  }

  @Get()
  @Access({ roles: ['officer', 'supervisor', 'auditor'], scope: 'all' })
  list(@Query() query: ListCasesQuery): Promise<PageResult<CaseView>> {
    return this.cases.list(query);
  }

  @Get(':id')
  @Access({ roles: ['officer', 'supervisor', 'auditor'], scope: 'all' })
  @ApiOkResponse({ description: 'the case with its findings' })
  get(@Param('id', new KnownIdPipe('case')) id: string): Promise<CaseWithFindings> {
    return this.cases.get(id);
  }

  @Post(':id/findings')
  @Access({ roles: ['officer'], scope: 'all' })
  @ApiOperation({ summary: 'record one more finding on an open case' })
  addFinding(
    @Param('id', new KnownIdPipe('case')) id: string,
    @Body() dto: NewFindingDto,
    @CurrentUser() user: Principal,
  ): Promise<FindingView> {
    return this.cases.addFinding(id, dto, user);
  }
}
