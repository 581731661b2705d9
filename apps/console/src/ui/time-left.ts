import type { FindingView, InterviewView, RecommendationView } from '../api/types';

export interface TimeLeft {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE = 60_000;

/** How far the deadline is, or how long ago it passed. */
export function timeLeft(dueAt: string, now: number): TimeLeft {
  const ms = Date.parse(dueAt) - now;
  const total = Math.floor(Math.abs(ms) / MINUTE);
  return { overdue: ms < 0, days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** The clock runs while the unit still owes a plan or a fix; a report in time stops it. */
const CLOCK_RUNS = new Set(['ASSIGNED', 'PLAN_SUBMITTED', 'RECTIFYING']);

/** Overdue as the API says, or because the deadline passed since the last refresh. */
export function isOverdue(finding: Pick<FindingView, 'overdue' | 'status' | 'dueAt'>, now: number): boolean {
  if (finding.status === 'CLOSED') return false;
  return finding.overdue || (CLOCK_RUNS.has(finding.status) && Date.parse(finding.dueAt) < now);
}

export interface RecommendationOverdue {
  receipt: boolean;
  reply: boolean;
}

/** 逾期未签收 / 逾期未回复: as the API says, or because the deadline passed since the last refresh. */
export function recommendationOverdue(
  recommendation: Pick<RecommendationView, 'overdue' | 'status' | 'receiptDueAt' | 'replyDueAt'>,
  now: number,
): RecommendationOverdue {
  const { status, overdue } = recommendation;
  const passed = (iso: string | null) => iso !== null && Date.parse(iso) < now;
  return {
    receipt: overdue.receipt || (status === 'ISSUED' && passed(recommendation.receiptDueAt)),
    reply: overdue.reply || ((status === 'ISSUED' || status === 'RECEIVED') && passed(recommendation.replyDueAt)),
  };
}

/** 约谈逾期: as the API says (it stays so once it was), or because `dueAt` passed unheld since the last refresh. */
export function interviewOverdue(interview: Pick<InterviewView, 'overdue' | 'status' | 'dueAt'>, now: number): boolean {
  return interview.overdue || (interview.status !== 'HELD' && Date.parse(interview.dueAt) < now);
}
