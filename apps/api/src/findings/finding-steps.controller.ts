import { applyDecorators, Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingView, Principal } from '@reform/contracts';
import { FindingViewSchema } from '@reform/contracts/http';
import { CurrentUser } from '../auth/current-user.decorator';
import { WorkingDayDeadlines } from '../deadlines/working-day-deadlines';
import { Access } from '../auth/access.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { KnownIdPipe } from '../validation/known-id.pipe';
import { DecideAccountabilityDto } from './dto/accountability.dto';
import { RecordAccountabilityOutcomeDto } from './dto/accountability-outcome.dto';
import { DecideExtensionDto, RequestExtensionDto } from './dto/extension.dto';
import { ReviewFollowUpDto } from './dto/follow-up.dto';
import { DecidePlanDto, SubmitPlanDto } from './dto/plan.dto';
import { SubmitReportDto } from './dto/report.dto';
import { VerifyDto } from './dto/verification.dto';
import { FindingStepsService } from './finding-steps.service';
import { stepCommands } from './step-commands';

const FindingId = () => Param('id', new KnownIdPipe('finding'));
/** Every step answers the finding once the step is durable, or refuses it as invalid, unknown or out of turn. */
const StepAnswers = (status: number) =>
  applyDecorators(Responds(status, FindingViewSchema, 'the finding, the step durable'), Refuses(400, 404, 409));

/** The rectification lifecycle, one endpoint per step; each answers once the step is durable. */
@ApiTags('findings')
@ApiBearerAuth()
@Controller('findings/:id')
export class FindingStepsController {
  constructor(
    private readonly steps: FindingStepsService,
    private readonly deadlines: WorkingDayDeadlines,
  ) {}

  @Post('plan')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['unit'], scope: 'scoped' })
  @ApiOperation({ summary: '整改方案 — submit the rectification plan' })
  plan(@FindingId() id: string, @Body() dto: SubmitPlanDto, @CurrentUser() user: Principal): Promise<FindingView> {
    return this.steps.unitStep(id, stepCommands.plan(dto), user);
  }

  @Post('plan/decision')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: 'approve or return the plan' })
  decidePlan(@FindingId() id: string, @Body() dto: DecidePlanDto, @CurrentUser() user: Principal): Promise<FindingView> {
    return this.steps.decide(id, stepCommands.planDecision(dto), user);
  }

  @Post('report')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['unit'], scope: 'scoped' })
  @ApiOperation({ summary: '整改报告 — report the fix with evidence' })
  report(@FindingId() id: string, @Body() dto: SubmitReportDto, @CurrentUser() user: Principal): Promise<FindingView> {
    return this.steps.report(id, dto, user);
  }

  @Post('verification')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: '验收 — pass (销号) or fail the report' })
  verify(@FindingId() id: string, @Body() dto: VerifyDto, @CurrentUser() user: Principal): Promise<FindingView> {
    return this.steps.decide(id, stepCommands.verification(dto), user);
  }

  @Post('extension')
  @HttpCode(HttpStatus.ACCEPTED)
  @StepAnswers(HttpStatus.ACCEPTED)
  @Access({ roles: ['unit'], scope: 'scoped' })
  @ApiOperation({ summary: '延期申请 — ask for a later deadline, as a date or in working days (202: it waits for a supervisor)' })
  requestExtension(@FindingId() id: string, @Body() dto: RequestExtensionDto, @CurrentUser() user: Principal): Promise<FindingView> {
    const choice = { dueAt: dto.requestedDueAt, workingDays: dto.requestedDueInWorkingDays };
    const requestedDueAt = this.deadlines.resolve(choice, 'requestedDueInWorkingDays');
    return this.steps.unitStep(id, stepCommands.extension(dto, requestedDueAt), user);
  }

  @Post('extension/decision')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: 'approve or deny the extension' })
  decideExtension(@FindingId() id: string, @Body() dto: DecideExtensionDto, @CurrentUser() user: Principal): Promise<FindingView> {
    return this.steps.decide(id, stepCommands.extensionDecision(dto), user);
  }

  @Post('accountability/decision')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: '问责 — refer or reject the proposed accountability' })
  decideAccountability(
    @FindingId() id: string,
    @Body() dto: DecideAccountabilityDto,
    @CurrentUser() user: Principal,
  ): Promise<FindingView> {
    return this.steps.decide(id, stepCommands.accountabilityDecision(dto), user);
  }

  @Post('accountability/outcome')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: '问责结果 — record the outcome the body with authority decided on a referred accountability' })
  recordAccountabilityOutcome(
    @FindingId() id: string,
    @Body() dto: RecordAccountabilityOutcomeDto,
    @CurrentUser() user: Principal,
  ): Promise<FindingView> {
    return this.steps.decide(id, stepCommands.accountabilityOutcome(dto), user);
  }

  @Post('follow-up')
  @HttpCode(HttpStatus.OK)
  @StepAnswers(HttpStatus.OK)
  @Access({ roles: ['supervisor'], scope: 'scoped' })
  @ApiOperation({ summary: '回头看 — confirm the fix held, or reopen it' })
  followUp(@FindingId() id: string, @Body() dto: ReviewFollowUpDto, @CurrentUser() user: Principal): Promise<FindingView> {
    return this.steps.decide(id, stepCommands.followUp(dto), user);
  }
}
