import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import type { DocumentFormat, Page, Principal, RecommendationStep, RecommendationView, RecommendationWithEvents } from '@reform/contracts';
import { AuditQueries, CaseQueries, RecommendationQueries, type FileRecord } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { WorkingDayDeadlines } from '../deadlines/working-day-deadlines';
import { DocumentsService } from '../documents/documents.service';
import { isUnitOnly } from '../findings/findings.service';
import { CaseClosedError } from '../errors/case-closed.error';
import { ForbiddenError } from '../errors/forbidden.error';
import { refusedFields } from '../errors/invalid-input.error';
import { NotFoundError } from '../errors/not-found.error';
import { OrgRegister, type RegisterRefusal } from '../organisation/org-register';
import { ReformWorkflows } from '../temporal/reform-workflows.client';
import type { CreateRecommendationDto } from './dto/create-recommendation.dto';
import type { ListRecommendationsQuery } from './dto/list-recommendations.query';
import { recommendationSeed } from './recommendation-seed';

const NOTHING: Page<RecommendationView> = { items: [], total: 0 };
/** What a unit sees of its recommendations: only issued ones; drafts are the commission's own deliberation. */
const UNISSUED: RecommendationView['status'][] = ['DRAFT', 'PENDING_SIGNOFF'];

/** 纪检监察建议书: drafted here through the case's workflow, every later step through the recommendation's own. */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly recommendations: RecommendationQueries,
    private readonly cases: CaseQueries,
    private readonly audit: AuditQueries,
    private readonly workflows: ReformWorkflows,
    private readonly config: AppConfigService,
    private readonly deadlines: WorkingDayDeadlines,
    private readonly register: OrgRegister,
    private readonly scope: AccessScope,
    private readonly documents: DocumentsService,
  ) {}

  async draft(caseId: string, dto: CreateRecommendationDto, user: Principal): Promise<RecommendationView> {
    const found = await this.cases.findById(caseId, (await this.scope.scopeFor(user)).within);
    if (!found) throw new NotFoundError('case', caseId);
    if (found.status === 'CLOSED') throw CaseClosedError.of(found.code);
    await this.checkUnits(dto);
    const now = new Date().toISOString();
    const nowMs = Date.parse(now);
    const seed = recommendationSeed(dto, caseId, user, now, {
      replyDueAt: this.deadlines.resolve({ dueAt: dto.replyDueAt, workingDays: dto.replyDueInWorkingDays }, 'replyDueInWorkingDays', nowMs),
      itemDueAt: (index) => {
        const item = dto.findings[index];
        return this.deadlines.resolve(
          { dueAt: item.dueAt, workingDays: item.dueInWorkingDays },
          `findings.${index}.dueInWorkingDays`,
          nowMs,
        );
      },
    });
    return this.workflows.addRecommendation(found, {
      recommendation: seed,
      actor: { id: user.id, name: user.name },
      policy: this.config.policy,
    });
  }

  async list(query: ListRecommendationsQuery, user: Principal): Promise<Page<RecommendationView>> {
    const units = await this.scope.unitFilter(user, query.unitId);
    if (units === null) return NOTHING;
    const filter = {
      status: query.status,
      unitId: units.unitId,
      within: units.within,
      caseId: query.caseId?.toLowerCase(),
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      issuedOnly: isUnitOnly(user),
    };
    return this.recommendations.list(filter, { page: query.page, pageSize: query.pageSize });
  }

  async getWithEvents(id: string, user: Principal): Promise<RecommendationWithEvents> {
    const recommendation = await this.getVisible(id, user);
    return { ...recommendation, events: await this.audit.timeline(id) };
  }

  /** Outside the caller's scope, or not yet issued for a unit, it answers 404 exactly like an unknown id. */
  async getVisible(id: string, user: Principal): Promise<RecommendationView> {
    const recommendation = await this.recommendations.get(id);
    const hidden = !recommendation || (isUnitOnly(user) && UNISSUED.includes(recommendation.status));
    if (hidden || !(await this.scope.sees(user, recommendation))) throw new NotFoundError('recommendation', id);
    return recommendation;
  }

  /** Sign-off and drafting are the discipline side's; receipt and reply only the recommendation's own unit's. */
  async step(id: string, step: RecommendationStep, user: Principal): Promise<RecommendationView> {
    const recommendation = await this.getVisible(id, user);
    const unitsStep = step.type === 'signReceipt' || step.type === 'reply';
    if (unitsStep && !this.scope.actsForUnit(user, recommendation)) {
      throw new ForbiddenError(`only unit ${recommendation.unitId} may sign for or answer its recommendation`);
    }
    return this.workflows.commandRecommendation(recommendation, { ...step, actor: { id: user.id, name: user.name } });
  }

  /** The frozen 建议书 in `format`; 404 before it is issued. */
  async document(id: string, format: DocumentFormat, user: Principal): Promise<FileRecord> {
    const recommendation = await this.getVisible(id, user);
    if (!recommendation.documentId) throw new NotFoundError('document of recommendation', id);
    return this.documents.rendering(await this.documents.get(recommendation.documentId, user), format);
  }

  /** The recommendation's unit registered and active; each item's unit, when given, the same one. */
  private async checkUnits(dto: CreateRecommendationDto): Promise<void> {
    const problems: Array<RegisterRefusal & { field: string }> = [];
    const unit = await this.register.unitRefusal(dto.unitId);
    if (unit) problems.push({ field: 'unitId', ...unit });
    dto.findings.forEach((item, index) => {
      if (item.unitId !== undefined && item.unitId !== dto.unitId) {
        problems.push({
          field: `findings[${index}].unitId`,
          rule: 'notAssignable',
          message: `must be the recommendation's unit "${dto.unitId}", or be left out`,
        });
      }
    });
    if (problems.length > 0) throw refusedFields(problems);
  }
}
