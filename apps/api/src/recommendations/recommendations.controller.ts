import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Page, Principal, RecommendationView, RecommendationWithEvents } from '@reform/contracts';
import { RecommendationPageSchema, RecommendationViewSchema, RecommendationWithEventsSchema } from '@reform/contracts/http';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { DocumentFormatQuery } from '../documents/dto/document-format.query';
import { BINARY_ANSWER } from '../files/files.controller';
import { FilesService } from '../files/files.service';
import { normaliseIsoDate } from '../validation/iso-date.validators';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { CreateRecommendationDto } from './dto/create-recommendation.dto';
import { ListRecommendationsQuery } from './dto/list-recommendations.query';
import { EditRecommendationDto, ReceiptDto, ReplyDto, SignOffDto } from './dto/recommendation-steps.dto';
import { RecommendationsService } from './recommendations.service';

const RecommendationId = () => Param('id', new KnownIdPipe('recommendation'));
/** Every step answers the recommendation once the step is durable and in the read model. */
const StepAnswers = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    Responds(200, RecommendationViewSchema, 'the recommendation, the step durable'),
    Refuses(400, 403, 404, 409),
  );
const READERS = ['officer', 'supervisor', 'auditor', 'unit'] as const;

/** 纪检监察建议书 — drafted, signed off, issued, signed for (签收), answered in writing (书面回复). */
@ApiTags('recommendations')
@ApiBearerAuth()
@Controller()
export class RecommendationsController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly files: FilesService,
  ) {}

  @Post('cases/:id/recommendations')
  @Access({ roles: ['officer'], scope: 'scoped' })
  @ApiOperation({ summary: '起草建议书 — draft a recommendation with its items (DRAFT; its findings DRAFT, no timer running)' })
  @Responds(201, RecommendationViewSchema, 'the recommendation, drafted')
  @Refuses(400, 404, 409)
  draft(
    @Param('id', new KnownIdPipe('case')) caseId: string,
    @Body() dto: CreateRecommendationDto,
    @CurrentUser() user: Principal,
  ): Promise<RecommendationView> {
    return this.recommendations.draft(caseId, dto, user);
  }

  @Get('recommendations')
  @Access({ roles: [...READERS], scope: 'scoped' })
  @ApiOperation({ summary: 'recommendations within the caller’s jurisdiction (a unit: its own, once issued), newest first' })
  @Responds(200, RecommendationPageSchema, 'a page of recommendations')
  @Refuses(400)
  list(@Query() query: ListRecommendationsQuery, @CurrentUser() user: Principal): Promise<Page<RecommendationView>> {
    return this.recommendations.list(query, user);
  }

  @Get('recommendations/:id')
  @Access({ roles: [...READERS], scope: 'scoped' })
  @Responds(200, RecommendationWithEventsSchema, 'the recommendation with its timeline')
  @Refuses(404)
  get(@RecommendationId() id: string, @CurrentUser() user: Principal): Promise<RecommendationWithEvents> {
    return this.recommendations.getWithEvents(id, user);
  }

  @Patch('recommendations/:id')
  @Access({ roles: ['officer'], scope: 'scoped' })
  @ApiOperation({ summary: 'revise a draft (DRAFT only): its text and its reply deadline' })
  @StepAnswers()
  edit(@RecommendationId() id: string, @Body() dto: EditRecommendationDto, @CurrentUser() user: Principal): Promise<RecommendationView> {
    const { title, causeAnalysis, measures } = dto;
    const replyDueAt = dto.replyDueAt === undefined ? undefined : normaliseIsoDate(dto.replyDueAt);
    return this.recommendations.step(id, { type: 'edit', title, causeAnalysis, measures, replyDueAt }, user);
  }

  @Post('recommendations/:id/submit')
  @Access({ roles: ['officer'], scope: 'scoped' })
  @ApiOperation({ summary: '提交审核 — DRAFT → PENDING_SIGNOFF' })
  @StepAnswers()
  submit(@RecommendationId() id: string, @CurrentUser() user: Principal): Promise<RecommendationView> {
    return this.recommendations.step(id, { type: 'submit' }, user);
  }

  @Post('recommendations/:id/signoff')
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({
    summary:
      '审核签发 — approve (ISSUED: numbered, rendered, frozen; its findings ASSIGNED) or return to DRAFT; never by its drafter (回避)',
  })
  @StepAnswers()
  signOff(@RecommendationId() id: string, @Body() dto: SignOffDto, @CurrentUser() user: Principal): Promise<RecommendationView> {
    return this.recommendations.step(id, { type: 'signOff', decision: dto.decision, comment: dto.comment ?? '' }, user);
  }

  @Post('recommendations/:id/receipt')
  @Access({ roles: ['unit'], scope: 'scoped' })
  @ApiOperation({ summary: '签收 — the unit signs for the issued recommendation (ISSUED → RECEIVED)' })
  @StepAnswers()
  receipt(@RecommendationId() id: string, @Body() dto: ReceiptDto, @CurrentUser() user: Principal): Promise<RecommendationView> {
    return this.recommendations.step(id, { type: 'signReceipt', signedBy: dto.signedBy, statement: dto.statement ?? '' }, user);
  }

  @Post('recommendations/:id/reply')
  @Access({ roles: ['unit'], scope: 'scoped' })
  @ApiOperation({ summary: '书面回复 — the written reply with a plan for every finding, all or nothing (RECEIVED → REPLIED)' })
  @StepAnswers()
  reply(@RecommendationId() id: string, @Body() dto: ReplyDto, @CurrentUser() user: Principal): Promise<RecommendationView> {
    const plans = dto.plans.map(({ findingId, content }) => ({ findingId: findingId.toLowerCase(), content }));
    return this.recommendations.step(id, { type: 'reply', content: dto.content, signedBy: dto.signedBy, plans }, user);
  }

  @Get('recommendations/:id/document')
  @Access({ roles: [...READERS], scope: 'scoped' })
  @ApiOperation({ summary: '下载建议书 — the issued recommendation as frozen, PDF (default) or DOCX; 404 before issue' })
  @ApiResponse({ status: 200, description: 'the document', ...BINARY_ANSWER })
  @ApiResponse({ status: 206, description: 'the requested range of the document', ...BINARY_ANSWER })
  @ApiResponse({ status: 304, description: 'unchanged: If-None-Match holds the ETag' })
  @Refuses(400, 404, 416)
  async document(
    @RecommendationId() id: string,
    @Query() query: DocumentFormatQuery,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.files.download(await this.recommendations.document(id, query.format ?? 'pdf', user), user, request, response);
  }
}
