import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InterviewView, InterviewWithEvents, Page, Principal } from '@reform/contracts';
import { InterviewPageSchema, InterviewViewSchema, InterviewWithEventsSchema } from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { normaliseIsoDate } from '../validation/iso-date.validators';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { RecordInterviewDto, ScheduleInterviewDto } from './dto/interview-steps.dto';
import { ListInterviewsQuery } from './dto/list-interviews.query';
import { InterviewsService } from './interviews.service';

const InterviewId = () => Param('id', new KnownIdPipe('interview'));
/** Every step answers the interview once the step is durable and in the read model. */
const StepAnswers = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    Responds(200, InterviewViewSchema, 'the interview, the step durable'),
    Refuses(400, 403, 404, 409),
  );
const READERS = ['officer', 'supervisor', 'auditor'] as const;
const HOLDERS = ['officer', 'supervisor'] as const;

/** 约谈 — one per unit at a time, proposed when its findings reach escalation level 2. */
@ApiTags('interviews')
@ApiBearerAuth()
@Controller('interviews')
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Get()
  @Access({ roles: [...READERS], scope: 'scoped' })
  @ApiOperation({ summary: 'interviews within the caller’s jurisdiction, the latest proposed first' })
  @Responds(200, InterviewPageSchema, 'a page of interviews')
  @Refuses(400)
  list(@Query() query: ListInterviewsQuery, @CurrentUser() user: Principal): Promise<Page<InterviewView>> {
    return this.interviews.list(query, user);
  }

  @Get(':id')
  @Access({ roles: [...READERS], scope: 'scoped' })
  @Responds(200, InterviewWithEventsSchema, 'the interview with its timeline')
  @Refuses(404)
  get(@InterviewId() id: string, @CurrentUser() user: Principal): Promise<InterviewWithEvents> {
    return this.interviews.getWithEvents(id, user);
  }

  @Post(':id/schedule')
  @Access({ roles: [...HOLDERS], scope: 'scoped' })
  @ApiOperation({ summary: '安排约谈 — when (ahead), by whom, whom (PROPOSED → SCHEDULED; again while SCHEDULED moves it)' })
  @StepAnswers()
  schedule(@InterviewId() id: string, @Body() dto: ScheduleInterviewDto, @CurrentUser() user: Principal): Promise<InterviewView> {
    const { interviewer, interviewee } = dto;
    const step = {
      type: 'schedule' as const,
      interviewId: id,
      scheduledAt: normaliseIsoDate(dto.scheduledAt),
      interviewer,
      interviewee: { ...interviewee },
    };
    return this.interviews.step(id, step, user);
  }

  @Post(':id/record')
  @Access({ roles: [...HOLDERS], scope: 'scoped' })
  @ApiOperation({ summary: '记录约谈 — held: when, minutes, statement (表态), files; INTERVIEW_HELD on each of its findings' })
  @StepAnswers()
  async record(@InterviewId() id: string, @Body() dto: RecordInterviewDto, @CurrentUser() user: Principal): Promise<InterviewView> {
    const evidence = await this.interviews.recordFiles(dto.evidence, user);
    const step = {
      type: 'record' as const,
      interviewId: id,
      heldAt: normaliseIsoDate(dto.heldAt),
      minutes: dto.minutes,
      statement: dto.statement,
      evidence,
    };
    return this.interviews.step(id, step, user);
  }
}
