import type {
  Accountability,
  ApprovalKind,
  CaseSource,
  CaseStatus,
  EventType,
  FindingStatus,
  Role,
} from './vocabulary';

/** Who did a step: the authenticated user, or `system` for timers. */
export interface Actor {
  id: string;
  name: string;
}

/** An authenticated caller of the API. */
export interface Principal extends Actor {
  roles: Role[];
  unitId?: string;
}

/** 问题 / 整改事项 — one weakness a unit must fix, as the contract returns it. */
export interface FindingView {
  id: string;
  caseId: string;
  title: string;
  description: string;
  category: string | null;
  unitId: string;
  responsiblePerson: string | null;
  dueAt: string;
  status: FindingStatus;
  overdue: boolean;
  escalationLevel: number;
  accountability: Accountability;
  pendingApproval: ApprovalKind | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** 案件 — an investigated case, as the contract returns it. */
export interface CaseView {
  id: string;
  code: string;
  title: string;
  summary: string;
  source: CaseSource;
  status: CaseStatus;
  openedBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CaseWithFindings extends CaseView {
  findings: FindingView[];
}

/** One entry of a timeline and of the audit log. */
export interface TimelineEvent {
  seq: number;
  type: EventType;
  at: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface AuditEntry extends TimelineEvent {
  entityId: string;
}
