import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseView, CaseWithFindings, FindingView, Page, Principal } from '@reform/contracts';
import { CasePageSchema, CaseWithFindingsSchema, FindingViewSchema } from '@reform/contracts/http';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Access } from '../auth/access.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
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
  @Responds(201, CaseWithFindingsSchema, 'the case, opened, with its findings')
  @Responds(200, CaseWithFindingsSchema, 'the case the same Idempotency-Key opened before')
  @Refuses(400, 409, 413)
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
  @Access({ roles: ['officer', 'supervisor', 'auditor'], scope: 'scoped' })
  @Responds(200, CasePageSchema, 'a page of cases, newest first')
  @Refuses(400)
  list(@Query() query: ListCasesQuery, @CurrentUser() user: Principal): Promise<Page<CaseView>> {
    return this.cases.list(query, user);
  }

  @Get(':id')
  @Access({ roles: ['officer', 'supervisor', 'auditor'], scope: 'scoped' })
  @Responds(200, CaseWithFindingsSchema, 'the case with its findings')
  @Refuses(404)
  get(@Param('id', new KnownIdPipe('case')) id: string, @CurrentUser() user: Principal): Promise<CaseWithFindings> {
    return this.cases.get(id, user);
  }

  @Post(':id/findings')
  @Access({ roles: ['officer'], scope: 'scoped' })
  @ApiOperation({ summary: 'record one more finding on an open case' })
  @Responds(201, FindingViewSchema, 'the finding, recorded')
  @Refuses(400, 404, 409)
  addFinding(
    @Param('id', new KnownIdPipe('case')) id: string,
    @Body() dto: NewFindingDto,
    @CurrentUser() user: Principal,
  ): Promise<FindingView> {
    return this.cases.addFinding(id, dto, user);
  }
}
