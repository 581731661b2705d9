import type { StoredEvidence } from './commands';
import type { Policy } from './policy';
import type { Notification } from './records';
import type { InterviewView } from './responses';
import type { Actor } from './views';
import type { InterviewEventType, IntervieweeTier } from './vocabulary';

/** The interview row of the read model; `version` orders concurrent writes. */
export interface InterviewRecord extends InterviewView {
  version: number;
  /** When each finding joined, by id. */
  joinedAt: Record<string, string>;
}

/** An event of an interview's own timeline: it belongs to no single case. */
export interface InterviewEventRecord {
  entityId: string;
  entityType: 'interview';
  caseId: null;
  seq: number;
  type: InterviewEventType;
  at: string;
  actor: string;
  data: Record<string, unknown>;
}

/** A finding reaching level 2 asks its unit's interview desk for an interview: it joins the open one or opens one. */
export interface JoinInterviewRequest {
  unitId: string;
  findingId: string;
  caseId: string;
  trackingOfficeId: string | null;
  /** When the finding escalated. */
  at: string;
}

/** 安排约谈 — when, by whom, whom; again while SCHEDULED moves it. */
export interface ScheduleInterview {
  type: 'schedule';
  interviewId: string;
  scheduledAt: string;
  interviewer: string;
  interviewee: { name: string; tier: IntervieweeTier };
}

/** 记录约谈 — held: when, the minutes, the interviewee's statement (表态) and the files. */
export interface RecordInterview {
  type: 'record';
  interviewId: string;
  heldAt: string;
  minutes: string;
  statement: string;
  evidence: StoredEvidence[];
}

export type InterviewStep = ScheduleInterview | RecordInterview;
export type InterviewCommand = InterviewStep & { actor: Actor };

/** A unit's interview desk: one workflow per unit, so that it never has two open interviews. */
export interface InterviewDeskInput {
  unitId: string;
  policy: Policy;
  carried?: CarriedInterviewDeskState;
}

/** An interview the desk still runs (PROPOSED or SCHEDULED). */
export interface CarriedInterview {
  record: Omit<InterviewRecord, 'version'>;
  /** The case of the finding that proposed it: its notifications are filed under it. */
  caseId: string;
  seq: number;
  overdueReported: boolean;
}

export interface CarriedInterviewDeskState {
  unitId: string;
  open: CarriedInterview | null;
  /** Each finding that ever joined, with the interview it joined, so that a retried join lands once. */
  joined: Record<string, string>;
  /** Bumped on every change, to order projection writes. */
  version: number;
}

/** What the desk writes: the interview's row, its events and their notifications, in one transaction. */
export interface InterviewProjection {
  interview: InterviewRecord;
  events: InterviewEventRecord[];
  notifications: Notification[];
}

/** The desk tells each of the interview's findings that it was held, to go on their timelines. */
export interface InterviewHeldSignal {
  interviewId: string;
  heldAt: string;
  actor: string;
}

/** A finding answers that INTERVIEW_HELD is on its timeline (in the read model). */
export interface InterviewHeldTakenSignal {
  interviewId: string;
  findingId: string;
}
