import type { AccountabilityOutcome, NewFinding } from './commands';
import type { Policy } from './policy';
import type { Actor } from './views';
import type { Accountability, ApprovalKind, CaseSource, FindingStatus, RecommendationStatus } from './vocabulary';

/** A finding with the ids and times fixed by whoever created it. */
export interface FindingSeed extends NewFinding {
  id: string;
  caseId: string;
  createdAt: string;
  /** The 建议书 carrying it: its plan comes with the recommendation's written reply. */
  recommendationId?: string;
  /** When it was assigned, if later than created (a recommendation's finding: at issue). */
  assignedAt?: string;
  /** Its plan's due date, if not POLICY_PLAN_DUE after assignment (a recommendation's: the reply deadline). */
  planDueAt?: string;
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
  /**
   * Reminders sent for `remindedForDueAt`, counted only under a policy with several (`Policy.reminders`);
   * absent, every one of them was sent.
   */
  remindersSent?: number;
  nextEscalationAt: string | null;
  followUpAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  seq: number;
  followUpHeld: boolean;
  /** A recommendation's finding before its reply: a plan comes only with the reply. Absent before recommendations. */
  replyAwaited?: boolean;
  /** The interview (约谈) it joined at level 2; absent until then and before interviews. */
  interviewId?: string;
  /** Set once INTERVIEW_HELD is on its timeline. */
  interviewHeld?: boolean;
  /** 问责结果, once recorded; absent from states carried before outcomes were kept. */
  accountabilityOutcome?: AccountabilityOutcome | null;
}

/** What a finding tells its case (and its recommendation) when its status changes or it ends. */
export interface FindingStatusSignal {
  findingId: string;
  status: string;
  finished: boolean;
  /** Set when the finding has taken the plan its recommendation's reply gave it. */
  replyTaken?: boolean;
}

/** A recommendation's written reply hands each of its findings its plan. */
export interface ReplyPlanSignal {
  content: string;
  actor: Actor;
}

/** A recommendation as its drafter made it, with the ids and times the API fixed. */
export interface RecommendationSeed {
  id: string;
  caseId: string;
  unitId: string;
  trackingOfficeId: string;
  title: string;
  causeAnalysis: string;
  measures: string;
  replyDueAt: string;
  draftedBy: Actor;
  createdAt: string;
  /** Its findings (1..50), all assigned to its unit. */
  findings: FindingSeed[];
}

export interface AddRecommendationInput {
  recommendation: RecommendationSeed;
  actor: Actor;
  /** The policy now: a case opened before POLICY_RECEIPT_DUE existed carries none for it. */
  policy: Policy;
}

export interface RecommendationWorkflowInput {
  seed: RecommendationSeed;
  caseOpenedBy: string;
  policy: Policy;
  carried?: CarriedRecommendationState;
}

/** Everything a recommendation's workflow knows (the domain's RecommendationState): plain data, for continue-as-new. */
export interface CarriedRecommendationState {
  seed: RecommendationSeed;
  caseOpenedBy: string;
  status: RecommendationStatus;
  title: string;
  causeAnalysis: string;
  measures: string;
  replyDueAt: string;
  returnComment: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  approvalSlaReported: boolean;
  /** A supervisor approved and the document is being issued: no other step until it is. */
  issuing: { by: string; comment: string; at: string } | null;
  docNo: string | null;
  documentId: string | null;
  issuedAt: string | null;
  receiptDueAt: string | null;
  receipt: { signedBy: string; statement: string; signedAt: string; actor: string } | null;
  reply: { content: string; signedBy: string; submittedAt: string } | null;
  overdue: { receipt: boolean; reply: boolean };
  receiptOverdueReported: boolean;
  replyOverdueReported: boolean;
  replyReminded: boolean;
  /** Reply reminders sent, counted only under a policy with several (`Policy.reminders`); absent, all of them once `replyReminded`. */
  replyRemindersSent?: number;
  /** Each finding's status as it last told, by id; `replyTaken` lists those that took the reply's plan. */
  findingStatuses: Record<string, string>;
  replyTaken: string[];
  finishedFindingIds: string[];
  closedAt: string | null;
  updatedAt: string;
  seq: number;
  /** Bumped on every change, events or not (a finding reopened), to order projection writes. */
  version: number;
}
