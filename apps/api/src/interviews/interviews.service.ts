import { Injectable } from '@nestjs/common';
import type { InterviewStep, InterviewView, InterviewWithEvents, Page, Principal, StoredEvidence } from '@reform/contracts';
import { AuditQueries, InterviewQueries } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { NotFoundError } from '../errors/not-found.error';
import { StepConflictError } from '../errors/step-conflict.error';
import { FilesService } from '../files/files.service';
import { ReformWorkflows } from '../temporal/reform-workflows.client';
import type { ListInterviewsQuery } from './dto/list-interviews.query';
import type { InterviewFileDto } from './dto/interview-steps.dto';

const NOTHING: Page<InterviewView> = { items: [], total: 0 };

/** 约谈: read from the read model, every step through the unit's interview desk. */
@Injectable()
export class InterviewsService {
  constructor(
    private readonly interviews: InterviewQueries,
    private readonly audit: AuditQueries,
    private readonly workflows: ReformWorkflows,
    private readonly scope: AccessScope,
    private readonly files: FilesService,
  ) {}

  async list(query: ListInterviewsQuery, user: Principal): Promise<Page<InterviewView>> {
    const units = await this.scope.unitFilter(user, query.unitId);
    if (units === null) return NOTHING;
    const filter = { unitId: units.unitId, within: units.within, status: query.status, findingId: query.findingId?.toLowerCase() };
    return this.interviews.list(filter, { page: query.page, pageSize: query.pageSize });
  }

  async getWithEvents(id: string, user: Principal): Promise<InterviewWithEvents> {
    const interview = await this.getVisible(id, user);
    return { ...interview, events: await this.audit.timeline(id) };
  }

  /** Outside the caller's jurisdiction it answers 404 exactly like an unknown id. */
  async getVisible(id: string, user: Principal): Promise<InterviewView> {
    const interview = await this.interviews.get(id);
    if (!interview || !(await this.scope.sees(user, interview))) throw new NotFoundError('interview', id);
    return interview;
  }

  async step(id: string, step: InterviewStep, user: Principal): Promise<InterviewView> {
    const interview = await this.getVisible(id, user);
    // A held interview is done: its desk has moved on to the unit's next one.
    if (interview.status === 'HELD') throw new StepConflictError(`${stepName(step)} is not allowed while the interview is HELD`, 'HELD');
    return this.workflows.commandInterview(interview, { ...step, actor: { id: user.id, name: user.name } });
  }

  /** Each file of the record must be one the caller (or their office) uploaded; the record names it with its name and hash. */
  async recordFiles(items: InterviewFileDto[] | undefined, user: Principal): Promise<StoredEvidence[]> {
    return Promise.all(
      (items ?? []).map(async (item, index) => {
        const { id: fileId, name, sha256 } = await this.files.recordFileOf(item.fileId, user, `evidence[${index}].fileId`);
        return { fileId, name, sha256 };
      }),
    );
  }
}

function stepName(step: InterviewStep): string {
  return step.type === 'schedule' ? 'scheduling the interview' : 'recording the interview';
}
