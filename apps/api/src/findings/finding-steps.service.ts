import { Injectable } from '@nestjs/common';
import type { Evidence, FindingStep, FindingView, Principal } from '@reform/contracts';
import { AccessScope } from '../auth/access-scope';
import { ForbiddenError } from '../errors/forbidden.error';
import { StepConflictError } from '../errors/step-conflict.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { FilesService } from '../files/files.service';
import { ReformWorkflows } from '../temporal/reform-workflows.client';
import type { EvidenceDto, SubmitReportDto } from './dto/report.dto';
import { FindingsService } from './findings.service';
import { stepCommands, type DecisionStep, type UnitStep } from './step-commands';

@Injectable()
export class FindingStepsService {
  constructor(
    private readonly findings: FindingsService,
    private readonly workflows: ReformWorkflows,
    private readonly scope: AccessScope,
    private readonly files: FilesService,
  ) {}

  async unitStep(id: string, step: UnitStep, user: Principal): Promise<FindingView> {
    const finding = await this.unitsFinding(id, user);
    if (step.type === 'requestExtension' && Date.parse(step.requestedDueAt) <= Date.parse(finding.dueAt)) {
      throw InvalidInputError.of('requestedDueAt', 'order', `requestedDueAt must be later than the current dueAt (${finding.dueAt})`);
    }
    return this.run(finding, step, user);
  }

  /** 整改报告: evidence given by `fileId` must be a file the unit uploaded; the event names it with its name and hash. */
  async report(id: string, dto: SubmitReportDto, user: Principal): Promise<FindingView> {
    const finding = await this.unitsFinding(id, user);
    const evidence = await Promise.all(dto.evidence.map((item, index) => this.evidenceItem(item, index, user)));
    return this.run(finding, stepCommands.report(dto, evidence), user);
  }

  private async unitsFinding(id: string, user: Principal): Promise<FindingView> {
    const finding = await this.findings.getVisible(id, user);
    if (!this.scope.actsForUnit(user, finding)) {
      throw new ForbiddenError(`only responsible unit ${finding.unitId} may take this step on the finding`);
    }
    return finding;
  }

  private async evidenceItem(item: EvidenceDto, index: number, user: Principal): Promise<Evidence> {
    const field = `evidence[${index}]`;
    if (item.fileId === undefined) return { name: item.name ?? '', sha256: item.sha256 ?? '', uri: item.uri ?? '' };
    if (item.name !== undefined || item.sha256 !== undefined || item.uri !== undefined) {
      throw InvalidInputError.of(`${field}.fileId`, 'exclusive', `${field}: give either fileId alone or name, sha256 and uri`);
    }
    const { id: fileId, name, sha256 } = await this.files.evidenceOf(item.fileId, user, `${field}.fileId`);
    return { fileId, name, sha256 };
  }

  /** 回避 (never deciding one's own request) is the workflow's rule, not repeated here. */
  async decide(id: string, step: DecisionStep, user: Principal): Promise<FindingView> {
    return this.run(await this.findings.getVisible(id, user), step, user);
  }

  /** The façade answers a refusal as the domain error the filter maps; nothing to translate here. */
  private async run(finding: FindingView, step: FindingStep, user: Principal): Promise<FindingView> {
    if (finding.status === 'DRAFT') {
      throw new StepConflictError('the finding is DRAFT: its recommendation has not been issued, so no step is allowed yet', 'DRAFT');
    }
    return this.workflows.commandFinding(finding, { ...step, actor: { id: user.id, name: user.name } });
  }
}
