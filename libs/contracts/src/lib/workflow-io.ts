import type { NewFinding } from './commands';
import type { Policy } from './policy';
import type { Actor } from './views';
import type { Accountability, ApprovalKind, CaseSource, FindingStatus } from './vocabulary';

/** A finding with the ids and times fixed by whoever created it. */
export interface FindingSeed extends NewFinding {
  id: string;
  caseId: string;
  createdAt: string;
}

export interface OpenCaseInput {
  caseId: string;
  title: string;
  summary: string;
  source: CaseSource;
  openedBy: Actor;
  openedAt: string;
  findings: FindingSeed[];
  policy: Policy;
  /** IANA zone (TZ_BUSINESS) the case code's year is counted in; absent from cases started before it was passed (UTC+8). */
  timeZone?: string;
}

/** Everything the case workflow carries across continue-as-new. */
export interface CaseWorkflowInput {
  open: OpenCaseInput;
  carried?: CarriedCaseState;
}

export interface CarriedCaseState {
  code: string;
  seq: number;
  /** Bumped on every change, events or not, to order projection writes. */
  version: number;
  status: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  updatedAt: string;
  findingIds: string[];
  closedFindingIds: string[];
  finishedFindingIds: string[];
}

export interface AddFindingInput {
  finding: FindingSeed;
  actor: Actor;
}

export interface FindingWorkflowInput {
  seed: FindingSeed;
  caseOpenedBy: string;
  policy: Policy;
  /** The state a continued-as-new run starts from; absent on the first run. */
  carried?: CarriedFindingState;
}

/** A supervisor decision the finding waits on (待审批), oldest first. */
export interface PendingDecision {
  kind: ApprovalKind;
  since: string;
  requestedBy: string;
  slaReported: boolean;
}

/**
 * Everything a finding's workflow knows (the domain's FindingState): plain data, so that it
 * crosses continue-as-new intact.
 */
export interface CarriedFindingState {
  seed: FindingSeed;
  caseOpenedBy: string;
  status: FindingStatus;
  dueAt: string;
  overdue: boolean;
  escalationLevel: number;
  accountability: Accountability;
  pending: PendingDecision[];
  planSubmittedBy: string | null;
  reportSubmittedBy: string | null;
  requestedDueAt: string | null;
  planDueAt: string | null;
  remindedForDueAt: string | null;
  nextEscalationAt: string | null;
  followUpAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  seq: number;
  followUpHeld: boolean;
}

/** What a finding tells its case when its status changes or it ends. */
export interface FindingStatusSignal {
  findingId: string;
  status: string;
  finished: boolean;
}
