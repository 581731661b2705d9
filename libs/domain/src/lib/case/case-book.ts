import type { CarriedCaseState, CaseWithFindings, EventRecord, FindingSeed, OpenCaseInput } from '@reform/contracts';
import { FAILURE_TYPES, SYSTEM_ACTOR, type CaseEventType } from '@reform/contracts';
import { assignedEvent, assignedState, findingView } from '../finding/finding-state';
import { Rejection } from '../finding/rejection';

/** 案件 — what the case workflow tracks: its findings' statuses, closing when all are closed. */
export class CaseBook {
  constructor(
    readonly open: OpenCaseInput,
    readonly state: CarriedCaseState,
  ) {}

  static opening(open: OpenCaseInput): CaseBook {
    return new CaseBook(open, {
      code: '',
      seq: 0,
      version: 0,
      status: 'OPEN',
      closedAt: null,
      updatedAt: open.openedAt,
      findingIds: [],
      closedFindingIds: [],
      finishedFindingIds: [],
    });
  }

  /** Throws a Rejection unless a finding may be added now: the case is open and answers (`opened`). */
  checkAddFinding(opened: boolean): void {
    if (!opened || this.state.status !== 'OPEN') {
      throw new Rejection(FAILURE_TYPES.caseClosed, 'findings can only be added to an OPEN case', { status: this.state.status });
    }
  }

  event(type: CaseEventType, at: string, actor: string, data: Record<string, unknown> = {}): EventRecord {
    this.state.seq += 1;
    this.state.version += 1;
    this.state.updatedAt = at;
    const { caseId } = this.open;
    return { entityId: caseId, entityType: 'case', caseId, seq: this.state.seq, type, at, actor, data };
  }

  /** A new finding: FINDING_ADDED for the case, ASSIGNED (seq 1) for the finding. */
  addFinding(seed: FindingSeed, actor: string): EventRecord[] {
    return [this.addDraftFinding(seed, actor), assignedEvent(seed, actor)];
  }

  /** A finding of a recommendation's draft: it keeps the case open, but is assigned only when the recommendation is issued. */
  addDraftFinding(seed: FindingSeed, actor: string): EventRecord {
    this.state.findingIds.push(seed.id);
    return this.event('FINDING_ADDED', seed.createdAt, actor, {
      findingId: seed.id,
      title: seed.title,
      ...(seed.recommendationId ? { recommendationId: seed.recommendationId } : {}),
    });
  }

  /** Records a finding's status; answers the CASE_CLOSED event when this closed the case. */
  findingStatus(findingId: string, closed: boolean, finished: boolean, at: string): EventRecord | null {
    const closedIds = new Set(this.state.closedFindingIds);
    if (closed) closedIds.add(findingId);
    else closedIds.delete(findingId);
    this.state.closedFindingIds = [...closedIds];
    if (finished && !this.state.finishedFindingIds.includes(findingId)) this.state.finishedFindingIds.push(findingId);
    const allClosed = this.state.findingIds.every((id) => closedIds.has(id));
    if (allClosed && this.state.status === 'OPEN') {
      this.state.status = 'CLOSED';
      this.state.closedAt = at;
      return this.event('CASE_CLOSED', at, SYSTEM_ACTOR);
    }
    if (!allClosed && this.state.status === 'CLOSED') {
      this.state.status = 'OPEN';
      this.state.closedAt = null;
      this.state.version += 1;
      this.state.updatedAt = at;
    }
    return null;
  }

  get finished(): boolean {
    return this.state.findingIds.every((id) => this.state.finishedFindingIds.includes(id));
  }

  view(): CaseWithFindings {
    const { open, state } = this;
    return {
      id: open.caseId,
      code: state.code,
      title: open.title,
      summary: open.summary,
      source: open.source,
      status: state.status,
      openedBy: open.openedBy.id,
      // Names come from the people register, which the workflow does not read; the API fills it in.
      openedByName: null,
      createdAt: open.openedAt,
      updatedAt: state.updatedAt,
      closedAt: state.closedAt,
      findings: open.findings.map((seed) => findingView(assignedState(seed, open.openedBy.id, { planDueMs: 0 }))),
    };
  }
}
