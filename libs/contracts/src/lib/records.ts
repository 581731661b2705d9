import type { DeliveryActivities } from './notification';
import type { CaseView, FindingView, RecommendationView } from './responses';
import type { InterviewProjection, JoinInterviewRequest } from './interview';
import type { Actor } from './views';
import type { ApprovalKind, DocumentKind, EventType } from './vocabulary';

export type EntityType = 'case' | 'finding' | 'recommendation' | 'document' | 'interview';

/** An event as it is stored: per-entity `seq` makes a retried write land once. */
export interface EventRecord {
  entityId: string;
  entityType: EntityType;
  caseId: string;
  seq: number;
  type: EventType;
  at: string;
  actor: string;
  data: Record<string, unknown>;
}

/** The finding row of the read model; `version` (its last event's seq) orders concurrent writes. */
export interface FindingRecord extends FindingView {
  version: number;
  /** Since when `pendingApproval` has waited, for the oldest-first approvals queue. */
  pendingSince: string | null;
  openedBy: string;
}

export interface CaseRecord extends Omit<CaseView, 'code' | 'openedByName'> {
  version: number;
}

/** What the case workflow writes when it opens: everything initial in one transaction. */
export interface OpenCaseProjection {
  case: CaseRecord;
  year: number;
  findings: FindingRecord[];
  events: EventRecord[];
}

export interface AddFindingProjection {
  caseId: string;
  caseVersion: number;
  finding: FindingRecord;
  events: EventRecord[];
}

export interface FindingProjection {
  finding: FindingRecord;
  events: EventRecord[];
}

/** A finding's projection with the notifications its events caused, written in one transaction. */
export interface FindingEffectsProjection extends FindingProjection {
  notifications: Notification[];
}

export interface CaseProjection {
  caseId: string;
  status: CaseView['status'];
  closedAt: string | null;
  updatedAt: string;
  version: number;
  events: EventRecord[];
}

export const NOTIFICATION_KINDS = [
  'REMINDER',
  'PLAN_OVERDUE_NOTICE',
  'SUPERVISION_NOTICE',
  'INTERVIEW_NOTICE',
  'ACCOUNTABILITY_PROPOSED',
  'APPROVAL_OVERDUE',
  'FOLLOW_UP_DUE',
  'RECOMMENDATION_ISSUED',
  'RECEIPT_OVERDUE',
  'REPLY_OVERDUE',
  'INTERVIEW_SCHEDULED',
  'INTERVIEW_OVERDUE',
  'DAILY_DIGEST',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Whom a notification is for: a unit, the supervisors, or a discipline-side office (a recommendation's tracking office). */
export type Recipient =
  | { kind: 'unit'; unitId: string }
  | { kind: 'supervisors' }
  | { kind: 'office'; orgUnitId: string }
  | { kind: 'person'; personId: string };

/** One message to deliver; `key` makes a retried send record once. */
export interface Notification {
  key: string;
  kind: NotificationKind;
  /** The finding it concerns; null for one about a recommendation as a whole. */
  findingId: string | null;
  /** The recommendation it concerns, if any. */
  recommendationId?: string | null;
  /** The case it concerns; null for a person's daily digest. */
  caseId: string | null;
  recipient: Recipient;
  subject: string;
  at: string;
  data: Record<string, unknown>;
}

/** The recommendation row of the read model; `version` (its last event's seq) orders concurrent writes. */
export interface RecommendationRecord extends RecommendationView {
  version: number;
}

/**
 * What the case workflow writes when a recommendation is drafted, in one transaction: the
 * recommendation, its findings in DRAFT (version 0: no event of their own yet), the case's
 * FINDING_ADDED events and the recommendation's RECOMMENDATION_DRAFTED.
 */
export interface RecommendationDraftedProjection {
  caseId: string;
  caseVersion: number;
  recommendation: RecommendationRecord;
  findings: FindingRecord[];
  events: EventRecord[];
}

/**
 * A recommendation's new state, its events and notifications; at issue also its findings' first
 * rows (ASSIGNED, with their ASSIGNED events among `events`), all in one transaction.
 */
export interface RecommendationProjection {
  recommendation: RecommendationRecord;
  events: EventRecord[];
  notifications: Notification[];
  findings: FindingRecord[];
}

/** Activities the projection side implements; workflows import this type only. */
export interface ProjectionActivities {
  /** Writes the case, its findings and their first events; returns the case code. */
  projectCaseOpened(input: OpenCaseProjection): Promise<{ code: string }>;
  projectFindingAdded(input: AddFindingProjection): Promise<void>;
  projectFinding(input: FindingProjection): Promise<void>;
  /**
   * Writes the finding and its events and records its notifications in the outbox, in one
   * transaction; answers the keys of the notifications still to deliver (none without a webhook).
   */
  projectFindingEffects(input: FindingEffectsProjection): Promise<{ deliver: string[] }>;
  projectCase(input: CaseProjection): Promise<void>;
  projectRecommendationDrafted(input: RecommendationDraftedProjection): Promise<void>;
  /** Answers the keys of the notifications still to deliver, as projectFindingEffects does. */
  projectRecommendation(input: RecommendationProjection): Promise<{ deliver: string[] }>;
  /** Answers the keys of the notifications still to deliver, as projectFindingEffects does. */
  projectInterview(input: InterviewProjection): Promise<{ deliver: string[] }>;
}

/** What a finding's workflow asks of its unit's interview desk, through the Temporal client (update-with-start). */
export interface InterviewActivities {
  joinInterview(request: JoinInterviewRequest): Promise<{ interviewId: string }>;
}

export interface NotificationActivities {
  notify(notification: Notification): Promise<void>;
}

/** One finding a document concerns, as the document states it. */
export interface DocumentFinding {
  id: string;
  title: string;
  dueAt: string;
}

/**
 * What a workflow asks to be issued. `sourceKey` (e.g. `<findingId>:<event seq>`) makes the issue
 * idempotent: a retried activity returns the document, and the number, of its first try.
 */
export interface DocumentRequest {
  kind: DocumentKind;
  sourceKey: string;
  caseId: string;
  /** 主送 — the unit the document is addressed to. */
  recipientUnitId: string;
  /** 发文机关 — the discipline-side org unit issuing it (the tracking office, else the root commission). */
  issuerOrgUnitId: string | null;
  findings: DocumentFinding[];
  /** When the workflow decided to issue it: fixes the document's date and its number's year. */
  issuedAt: string;
  /** A 建议书's own text: 问题成因, 整改建议 and 回复时限 (ISO). */
  causeAnalysis?: string;
  measures?: string;
  replyDueAt?: string;
}

export interface IssuedDocument {
  documentId: string;
  docNo: string;
}

export interface DocumentActivities {
  /** Numbers, renders (PDF and DOCX), stores and freezes a document; once per `sourceKey`. */
  issueDocument(request: DocumentRequest): Promise<IssuedDocument>;
}

export type ReformActivities = ProjectionActivities &
  NotificationActivities &
  DeliveryActivities &
  DocumentActivities &
  InterviewActivities;

export type { Actor, ApprovalKind };
