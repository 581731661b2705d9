import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfigService } from '@reform/config';
import {
  addFindingUpdate,
  addRecommendationUpdate,
  caseOpenedUpdate,
  caseWorkflowId,
  deliveryRetryWorkflowId,
  findingCommandUpdate,
  findingWorkflowId,
  interviewCommandUpdate,
  interviewDeskWorkflowId,
  recommendationCommandUpdate,
  recommendationWorkflowId,
  WORKFLOW_TYPES,
  type AddFindingInput,
  type AddRecommendationInput,
  type CaseView,
  type CaseWithFindings,
  type CaseWorkflowInput,
  type FindingCommand,
  type FindingView,
  type InterviewCommand,
  type InterviewView,
  type OpenCaseInput,
  type RecommendationCommand,
  type RecommendationView,
} from '@reform/contracts';
import { CaseClosedError } from '../errors/case-closed.error';
import { TemporalUnavailableError } from '../errors/temporal-unavailable.error';
import { WorkflowEndedError } from '../errors/workflow-ended.error';
import { TemporalGate } from './temporal-gate';
import { fromTemporalError, workflowNotReady, type Standing } from './temporal-failures';

/**
 * A case answers once its findings' rows are written and starts their workflows right after, so
 * a step on a finding still ASSIGNED may come before its workflow: it waits this long for it
 * (a case of 200 findings starts them within seconds), then answers 503.
 */
export const FINDING_START_WAIT_MS = 20_000;
const FINDING_START_POLL_MS = 200;

/**
 * The only code that speaks to Temporal. Each call returns once the change is in PostgreSQL;
 * rejections and outages surface as the API's domain errors (WorkflowEndedError, StepConflictError, ...),
 * translated here and nowhere else: callers pass what they know of the entity for the 409's wording.
 */
@Injectable()
export class ReformWorkflows {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfigService,
    private readonly gate: TemporalGate,
  ) {}

  /** Starts the case's workflow — or joins it when a replay already did — and waits until it is readable. */
  async openCase(open: OpenCaseInput): Promise<CaseWithFindings> {
    const input: CaseWorkflowInput = { open };
    return this.translated(async () => {
      const handle = await this.client.workflow.start(WORKFLOW_TYPES.case, {
        workflowId: caseWorkflowId(open.caseId),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return handle.executeUpdate(caseOpenedUpdate);
    });
  }

  /** Waits until the case's workflow has opened it (its findings' workflows started); a finished one has. */
  async caseOpened(caseId: string): Promise<void> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(caseId));
    try {
      await this.translated(() => handle.executeUpdate(caseOpenedUpdate));
    } catch (error) {
      if (!(error instanceof WorkflowEndedError)) throw error;
    }
  }

  /** A case's workflow ends only when the case closes, so a finished one answers CaseClosedError. */
  async addFinding(found: Pick<CaseView, 'id' | 'code'>, input: AddFindingInput): Promise<FindingView> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(found.id));
    const standing: Standing = { ended: () => CaseClosedError.of(found.code) };
    return this.translated(() => handle.executeUpdate(addFindingUpdate, { args: [input] }), standing);
  }

  /** `finding.status` as stored stands in for the workflow's when a refusal does not name one. */
  async commandFinding(finding: Pick<FindingView, 'id' | 'status'>, command: FindingCommand): Promise<FindingView> {
    const handle = this.client.workflow.getHandle(findingWorkflowId(finding.id));
    const standing: Standing = {
      status: finding.status,
      ended: () => new WorkflowEndedError(`finding is ${finding.status} and accepts no more steps`, finding.status),
    };
    const step = () => handle.executeUpdate(findingCommandUpdate, { args: [command] });
    return this.translated(() => (finding.status === 'ASSIGNED' ? this.onceStarted(step) : step()), standing);
  }

  /**
   * `call` on a workflow its parent may not have started yet: again while there is none, or while
   * its first workflow task has not completed (Temporal's WorkflowNotReady), for FINDING_START_WAIT_MS.
   */
  private async onceStarted<T>(call: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + FINDING_START_WAIT_MS;
    for (;;) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError) && !workflowNotReady(error)) throw error;
        if (Date.now() >= deadline) throw new TemporalUnavailableError();
        await sleep(FINDING_START_POLL_MS);
      }
    }
  }

  /** Drafted through its case's workflow, which starts the recommendation's; a finished case's answers CaseClosedError. */
  async addRecommendation(found: Pick<CaseView, 'id' | 'code'>, input: AddRecommendationInput): Promise<RecommendationView> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(found.id));
    const standing: Standing = { ended: () => CaseClosedError.of(found.code) };
    return this.translated(() => handle.executeUpdate(addRecommendationUpdate, { args: [input] }), standing);
  }

  async commandRecommendation(
    recommendation: Pick<RecommendationView, 'id' | 'status'>,
    command: RecommendationCommand,
  ): Promise<RecommendationView> {
    const handle = this.client.workflow.getHandle(recommendationWorkflowId(recommendation.id));
    const standing: Standing = {
      status: recommendation.status,
      ended: () => new WorkflowEndedError(`recommendation is ${recommendation.status} and accepts no more steps`, recommendation.status),
    };
    return this.translated(() => handle.executeUpdate(recommendationCommandUpdate, { args: [command] }), standing);
  }

  /** A step on an interview goes to its unit's desk, which holds the unit's one open interview. */
  async commandInterview(interview: Pick<InterviewView, 'unitId' | 'status'>, command: InterviewCommand): Promise<InterviewView> {
    const handle = this.client.workflow.getHandle(interviewDeskWorkflowId(interview.unitId));
    return this.translated(() => handle.executeUpdate(interviewCommandUpdate, { args: [command] }), { status: interview.status });
  }

  /**
   * 立即重试 — starts the retry of a failed delivery; one already running for it is joined, so a
   * second press is accepted as the first was. Its activity puts the delivery back to pending.
   */
  async retryDelivery(deliveryId: string): Promise<void> {
    await this.translated(async () => {
      try {
        await this.client.workflow.start(WORKFLOW_TYPES.deliveryRetry, {
          workflowId: deliveryRetryWorkflowId(deliveryId),
          taskQueue: this.config.temporal.taskQueue,
          args: [{ deliveryId }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    });
  }

  /**
   * Sent only while Temporal answers (else 503 at once); callers see domain errors only, and what
   * is not Temporal's goes on unchanged (the filter logs it).
   */
  private async translated<T>(call: () => Promise<T>, standing?: Standing): Promise<T> {
    await this.gate.ensureReachable();
    try {
      return await call();
    } catch (error) {
      const translated = fromTemporalError(error, standing);
      if (translated instanceof TemporalUnavailableError) this.gate.distrust();
      throw translated ?? error;
    }
  }
}
