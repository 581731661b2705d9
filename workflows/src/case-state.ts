import type {
  CarriedCaseState,
  CaseWithFindings,
  EventRecord,
  FindingSeed,
  OpenCaseInput,
} from '@reform/contracts';
import { SYSTEM_ACTOR, type CaseEventType } from '@reform/contracts';
import { assignedState, findingView } from '@reform/domain';

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

  event(type: CaseEventType, at: string, actor: string, data: Record<string, unknown> = {}): EventRecord {
    this.state.seq += 1;
    this.state.version += 1;
    this.state.updatedAt = at;
    const { caseId } = this.open;
    return { entityId: caseId, entityType: 'case', caseId, seq: this.state.seq, type, at, actor, data };
  }

  /** A new finding: FINDING_ADDED for the case, ASSIGNED (seq 1) for the finding. */
  addFinding(seed: FindingSeed, actor: string): EventRecord[] {
    this.state.findingIds.push(seed.id);
    const added = this.event('FINDING_ADDED', seed.createdAt, actor, { findingId: seed.id, title: seed.title });
    const assigned: EventRecord = {
      entityId: seed.id,
      entityType: 'finding',
      caseId: seed.caseId,
      seq: 1,
      type: 'ASSIGNED',
      at: seed.createdAt,
      actor,
      data: { unitId: seed.unitId, dueAt: seed.dueAt, responsiblePerson: seed.responsiblePerson ?? null },
    };
    return [added, assigned];
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
      createdAt: open.openedAt,
      updatedAt: state.updatedAt,
      closedAt: state.closedAt,
      findings: open.findings.map((seed) => findingView(assignedState(seed, open.openedBy.id, 0))),
    };
  }
}
