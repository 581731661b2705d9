import type { Actor } from './views';
import type { AccountabilityForm, AccountabilityTarget, FourForm } from './vocabulary';

/** 证据 — one file proving a fix, as v1 took it: a name, the hash its sender computed and where it is kept. */
export interface LinkedEvidence {
  name: string;
  sha256: string;
  uri: string;
}

/** 证据 — a file uploaded through `POST /files`: the server computed its hash and keeps its bytes. */
export interface StoredEvidence {
  fileId: string;
  name: string;
  sha256: string;
}

export type Evidence = LinkedEvidence | StoredEvidence;

/** What an officer gives to open a finding. */
export interface NewFinding {
  title: string;
  description: string;
  category?: string;
  unitId: string;
  responsiblePerson?: string;
  dueAt: string;
  /** 跟踪单位 — the discipline-side org unit that follows the finding up (谁建议、谁跟踪). */
  trackingOfficeId?: string;
}

/** 整改方案 — the unit's plan of measures and milestones. */
export interface SubmitPlan {
  type: 'submitPlan';
  content: string;
}
export interface DecidePlan {
  type: 'decidePlan';
  decision: 'approve' | 'return';
  comment: string;
}
/** 整改报告 — the unit's report of what was fixed, with evidence. */
export interface SubmitReport {
  type: 'submitReport';
  content: string;
  evidence: Evidence[];
}
/** 验收 — a supervisor's decision on a report. */
export interface Verify {
  type: 'verify';
  decision: 'pass' | 'fail';
  comment: string;
  newDueAt?: string;
}
/** 延期申请 — a unit asks for a later deadline. */
export interface RequestExtension {
  type: 'requestExtension';
  requestedDueAt: string;
  reason: string;
}
export interface DecideExtension {
  type: 'decideExtension';
  decision: 'approve' | 'deny';
  comment: string;
}
/** 问责 — a supervisor refers or rejects a proposed accountability. */
export interface DecideAccountability {
  type: 'decideAccountability';
  decision: 'refer' | 'reject';
  comment: string;
}
/**
 * 问责结果 — the decision of the party organisation with authority over the person, as it came
 * back on a referred accountability: whom, in which form (Art. 8), by whom, under which document,
 * when, and under which of the 四种形态 it counts. `personName` is null for an organisation.
 */
export interface AccountabilityOutcome {
  target: AccountabilityTarget;
  personName: string | null;
  form: AccountabilityForm;
  decidedBy: string;
  decisionDocNo: string;
  decidedAt: string;
  fourForm: FourForm;
}
/** 问责结果 — a supervisor records the outcome of a referred accountability. */
export interface RecordAccountabilityOutcome extends AccountabilityOutcome {
  type: 'recordAccountabilityOutcome';
}
/** 回头看 — a follow-up review after close-out. */
export interface ReviewFollowUp {
  type: 'reviewFollowUp';
  result: 'held' | 'relapsed';
  comment: string;
  newDueAt?: string;
}

export type FindingStep =
  | SubmitPlan
  | DecidePlan
  | SubmitReport
  | Verify
  | RequestExtension
  | DecideExtension
  | DecideAccountability
  | RecordAccountabilityOutcome
  | ReviewFollowUp;

/** A step as it reaches the finding's workflow: what, and who asks. */
export type FindingCommand = FindingStep & { actor: Actor };

/** 提交审核 — the drafter sends a draft for sign-off. */
export interface SubmitRecommendation {
  type: 'submit';
}
/** A draft's text and reply deadline changed (DRAFT only, e.g. after a return). */
export interface EditRecommendation {
  type: 'edit';
  title?: string;
  causeAnalysis?: string;
  measures?: string;
  replyDueAt?: string;
}
/** 审核签发 — a supervisor (not the drafter) approves, issuing it, or returns it with a comment. */
export interface SignOffRecommendation {
  type: 'signOff';
  decision: 'approve' | 'return';
  comment: string;
}
/** 签收 — the unit signs for an issued recommendation. */
export interface SignReceipt {
  type: 'signReceipt';
  signedBy: string;
  statement: string;
}
/** 书面回复 — the unit's written answer with a plan for every finding. */
export interface ReplyToRecommendation {
  type: 'reply';
  content: string;
  signedBy: string;
  plans: Array<{ findingId: string; content: string }>;
}

export type RecommendationStep = SubmitRecommendation | EditRecommendation | SignOffRecommendation | SignReceipt | ReplyToRecommendation;
export type RecommendationCommand = RecommendationStep & { actor: Actor };
