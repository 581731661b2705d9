import { Injectable } from '@nestjs/common';
import type { FindingStep, FindingView, Principal } from '@reform/contracts';
import { AccessScope } from '../auth/access-scope';
import { ForbiddenError } from '../errors/forbidden.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { StepConflictError } from '../errors/step-conflict.error';
import { WorkflowEndedError } from '../errors/workflow-ended.error';
import { ReformWorkflows } from '../temporal/reform-workflows.client';
import { FindingsService } from './findings.service';
import type { DecisionStep, UnitStep } from './step-commands';

@Injectable()
export class FindingStepsService {
  constructor(
    private readonly findings: FindingsService,
    private readonly workflows: ReformWorkflows,
    private readonly scope: AccessScope,
  ) {}

  async unitStep(id: string, step: UnitStep, user: Principal): Promise<FindingView> {
    const finding = await this.findings.getVisible(id, user);
    if (!this.scope.actsForUnit(user, finding)) {
      throw new ForbiddenError(`only responsible unit ${finding.unitId} may take this step on the finding`);
    }
    if (step.type === 'requestExtension' && Date.parse(step.requestedDueAt) <= Date.parse(finding.dueAt)) {
      throw new InvalidInputError(`requestedDueAt must be later than the current dueAt (${finding.dueAt})`);
    }
    return this.run(finding, step, user);
  }

  /** Separation of duties (never deciding one's own request) is the workflow's rule, not repeated here. */
  async decide(id: string, step: DecisionStep, user: Principal): Promise<FindingView> {
    return this.run(await this.findings.getVisible(id, user), step, user);
  }

  private async run(finding: FindingView, step: FindingStep, user: Principal): Promise<FindingView> {
    try {
      return await this.workflows.commandFinding(finding.id, { ...step, actor: { id: user.id, name: user.name } });
    } catch (error) {
      if (error instanceof WorkflowEndedError) {
        throw new StepConflictError(`finding is ${finding.status} and accepts no more steps`, finding.status);
      }
      // The contract promises the current status on every 409; fall back to the stored one.
      if (error instanceof StepConflictError && error.status === undefined) {
        throw new StepConflictError(error.message, finding.status);
      }
      throw error;
    }
  }
}
