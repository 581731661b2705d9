import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfigService } from '@reform/config';
import {
  addFindingUpdate,
  caseOpenedUpdate,
  caseWorkflowId,
  findingCommandUpdate,
  findingWorkflowId,
  type AddFindingInput,
  type CaseWithFindings,
  type CaseWorkflowInput,
  type FindingCommand,
  type FindingView,
  type OpenCaseInput,
} from '@reform/contracts';
import { fromTemporalError } from '../errors/temporal-failures';

/**
 * The only code that speaks to Temporal. Each call returns once the change is in PostgreSQL;
 * rejections and outages surface as the API's domain errors (WorkflowEndedError, StepConflictError, ...).
 */
@Injectable()
export class ReformWorkflows {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfigService,
  ) {}

  /** Starts the case's workflow — or joins it when a replay already did — and waits until it is readable. */
  async openCase(open: OpenCaseInput): Promise<CaseWithFindings> {
    const input: CaseWorkflowInput = { open };
    return translated(async () => {
      const handle = await this.client.workflow.start('caseWorkflow', {
        workflowId: caseWorkflowId(open.caseId),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return handle.executeUpdate(caseOpenedUpdate);
    });
  }

  async addFinding(caseId: string, input: AddFindingInput): Promise<FindingView> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(caseId));
    return translated(() => handle.executeUpdate(addFindingUpdate, { args: [input] }));
  }

  async commandFinding(findingId: string, command: FindingCommand): Promise<FindingView> {
    const handle = this.client.workflow.getHandle(findingWorkflowId(findingId));
    return translated(() => handle.executeUpdate(findingCommandUpdate, { args: [command] }));
  }
}

/** Callers see domain errors only; what is not Temporal's goes on unchanged (the filter logs it). */
async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromTemporalError(error) ?? error;
  }
}
