import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import {
  ROOT_ORG_UNIT_ID,
  type CaseView,
  type CaseWithFindings,
  type FindingView,
  type OpenCaseInput,
  type Page,
  type Principal,
} from '@reform/contracts';
import { CaseQueries, IdempotencyStore, RegisterStore } from '@reform/persistence';
import { randomUUID } from 'node:crypto';
import { CaseClosedError } from '../errors/case-closed.error';
import { IdempotencyKeyReusedError } from '../errors/idempotency-key-reused.error';
import { AccessScope } from '../auth/access-scope';
import { refusedFields } from '../errors/invalid-input.error';
import { NotFoundError } from '../errors/not-found.error';
import { OrgRegister, type RegisterRefusal } from '../organisation/org-register';
import { WorkingDayDeadlines } from '../deadlines/working-day-deadlines';
import { ReformWorkflows } from '../temporal/reform-workflows.client';
import type { CreateCaseDto } from './dto/create-case.dto';
import type { ListCasesQuery } from './dto/list-cases.query';
import type { NewFindingDto } from './dto/new-finding.dto';
import { findingSeed } from './finding-seed';
import { orderedIds } from './ordered-ids';
import { requestHash } from './request-hash';

export interface OpenedCase {
  opened: CaseWithFindings;
  /** False when an idempotent replay found the case already stored. */
  created: boolean;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CaseQueries,
    private readonly idempotency: IdempotencyStore,
    private readonly workflows: ReformWorkflows,
    private readonly config: AppConfigService,
    private readonly deadlines: WorkingDayDeadlines,
    private readonly register: OrgRegister,
    private readonly people: RegisterStore,
    private readonly scope: AccessScope,
  ) {}

  /**
   * With a key, the case id is bound to (caller, key) before any workflow starts, so replays —
   * even concurrent ones — all reach the same case workflow, which starts at most once.
   */
  async open(dto: CreateCaseDto, user: Principal, idempotencyKey?: string): Promise<OpenedCase> {
    await this.checkAssignments(dto.findings, (index, field) => `findings[${index}].${field}`);
    let caseId: string = randomUUID();
    if (idempotencyKey !== undefined) {
      const hash = requestHash(dto);
      const bound = await this.idempotency.claim({ actor: user.id, key: idempotencyKey, requestHash: hash, caseId });
      if (bound.requestHash !== hash) throw new IdempotencyKeyReusedError();
      const stored = await this.cases.findWithFindings(bound.caseId);
      if (stored) return { opened: await this.openedAgain(stored), created: false };
      caseId = bound.caseId;
    }
    return this.openAs(caseId, dto, user);
  }

  /** Opens the case under an id already bound to its request (Idempotency-Key or an imported file's hash). */
  async openAs(caseId: string, dto: CreateCaseDto, user: Principal): Promise<OpenedCase> {
    return { opened: await this.withOpenerName(await this.workflows.openCase(this.openInput(caseId, dto, user))), created: true };
  }

  /**
   * A replay can arrive before the workflow's first projection (the rows) is done, e.g. when the
   * first try's connection broke. It answers once the case is open as the first answer would have
   * (its findings' workflows start right after; a step sent first waits for its finding's workflow).
   */
  private async openedAgain(stored: CaseWithFindings): Promise<CaseWithFindings> {
    if (stored.status !== 'OPEN') return stored;
    await this.workflows.caseOpened(stored.id);
    return (await this.cases.findWithFindings(stored.id)) ?? stored;
  }

  /** The cases with at least one finding within the caller's jurisdiction. */
  async list(query: ListCasesQuery, user: Principal): Promise<Page<CaseView>> {
    const { within } = await this.scope.scopeFor(user);
    return this.cases.list({ status: query.status, within }, { page: query.page, pageSize: query.pageSize });
  }

  /** The case with its findings within the caller's jurisdiction; a case with none of them answers 404. */
  async get(id: string, user: Principal): Promise<CaseWithFindings> {
    const found = await this.cases.findWithFindings(id, (await this.scope.scopeFor(user)).within);
    if (!found) throw new NotFoundError('case', id);
    return found;
  }

  async addFinding(caseId: string, dto: NewFindingDto, user: Principal): Promise<FindingView> {
    const found = await this.cases.findById(caseId, (await this.scope.scopeFor(user)).within);
    if (!found) throw new NotFoundError('case', caseId);
    if (found.status === 'CLOSED') throw CaseClosedError.of(found.code);
    await this.checkAssignments([dto], (_index, field) => field);
    const createdAt = new Date().toISOString();
    const finding = findingSeed(
      dto,
      caseId,
      createdAt,
      randomUUID(),
      this.dueAt(dto, 'dueInWorkingDays', createdAt),
      trackingOfficeOf(user),
    );
    return this.workflows.addFinding(found, { finding, actor: { id: user.id, name: user.name } });
  }

  private openInput(caseId: string, dto: CreateCaseDto, user: Principal): OpenCaseInput {
    const openedAt = new Date().toISOString();
    const ids = orderedIds(dto.findings.length, Date.parse(openedAt));
    return {
      caseId,
      title: dto.title,
      summary: dto.summary,
      source: dto.source,
      openedBy: { id: user.id, name: user.name },
      openedAt,
      findings: dto.findings.map((finding, index) =>
        findingSeed(
          finding,
          caseId,
          openedAt,
          ids[index],
          this.dueAt(finding, `findings.${index}.dueInWorkingDays`, openedAt),
          trackingOfficeOf(user),
        ),
      ),
      policy: this.config.policy,
      timeZone: this.config.workingDays.timeZone,
    };
  }

  /**
   * 责任单位 registered and active, 跟踪单位 discipline-side: a finding assigned to a unit nobody is
   * would never be seen (400 naming every such field, the first as `field`).
   */
  private async checkAssignments(findings: NewFindingDto[], fieldOf: (index: number, field: string) => string): Promise<void> {
    const problems: Array<RegisterRefusal & { field: string }> = [];
    for (const [index, finding] of findings.entries()) {
      const unit = await this.register.unitRefusal(finding.unitId);
      if (unit) problems.push({ field: fieldOf(index, 'unitId'), ...unit });
      const office = finding.trackingOfficeId === undefined ? null : await this.register.trackingOfficeRefusal(finding.trackingOfficeId);
      if (office) problems.push({ field: fieldOf(index, 'trackingOfficeId'), ...office });
    }
    if (problems.length > 0) throw refusedFields(problems);
  }

  /** The workflow does not read the people register; the opener's name is filled in here. */
  private async withOpenerName(opened: CaseWithFindings): Promise<CaseWithFindings> {
    const [opener] = await this.people.people({ ids: [opened.openedBy] });
    return { ...opened, openedByName: opener?.name ?? null };
  }

  private dueAt(finding: NewFindingDto, field: string, now: string): string {
    return this.deadlines.resolve({ dueAt: finding.dueAt, workingDays: finding.dueInWorkingDays }, field, Date.parse(now));
  }
}

/** 跟踪单位 by default: the opener's org unit; the root for an opener with none (who sees everything anyway). */
function trackingOfficeOf(user: Principal): string {
  return user.orgUnitId ?? ROOT_ORG_UNIT_ID;
}
