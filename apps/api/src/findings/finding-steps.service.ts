import { Injectable } from '@nestjs/common';
import type { FindingStep, FindingView, Principal } from '@reform/contracts';
import { AccessScope } from '../auth/access-scope';
import { ForbiddenError } from '../errors/forbidden.error';
import { InvalidInputError } from '../errors/invalid-input.error';
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
      throw new InvalidInputError(`requestedDueAt must be later than the current dueAt (${finding.dueAt})`, 'requestedDueAt');
    }
    return this.run(finding, step, user);
  }

  /** 回避 (never deciding one's own request) is the workflow's rule, not repeated here. */
  async decide(id: string, step: DecisionStep, user: Principal): Promise<FindingView> {
    return this.run(await this.findings.getVisible(id, user), step, user);
  }

  /** The façade answers a refusal as the domain error the filter maps; nothing to translate here. */
  private async run(finding: FindingView, step: FindingStep, user: Principal): Promise<FindingView> {
    return this.workflows.commandFinding(finding, { ...step, actor: { id: user.id, name: user.name } });
  }
}
