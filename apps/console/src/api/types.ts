import type { Accountability, CaseWithFindings, FindingStatus, FindingView, TimelineEvent } from '@reform/contracts';

export type {
  Accountability,
  ApprovalKind,
  CaseSource,
  CaseStatus,
  CaseView,
  CaseWithFindings,
  Evidence,
  FindingStatus,
  FindingView,
  Role,
  TimelineEvent,
} from '@reform/contracts';

/** A page of any list the API serves. */
export interface Page<T> {
  items: T[];
  total: number;
}

export type FindingWithEvents = FindingView & { events: TimelineEvent[] };
export type Case = CaseWithFindings;

/** GET /reports/summary. */
export interface Summary {
  findings: { total: number; byStatus: Record<FindingStatus, number>; overdue: number; byEscalationLevel: Record<string, number> };
  rectificationRate: number;
  byUnit: Array<{ unitId: string; total: number; closed: number; overdue: number }>;
}

/** One row of GET /ledger (台账) as JSON. */
export interface LedgerRow {
  seq: number;
  findingId: string;
  caseId: string;
  caseCode: string;
  caseTitle: string;
  title: string;
  unitId: string;
  responsiblePerson: string | null;
  dueAt: string;
  status: FindingStatus;
  overdue: boolean;
  escalationLevel: number;
  accountability: Accountability;
  createdAt: string;
  closedAt: string | null;
}
