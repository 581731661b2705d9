import { MAX_ESCALATION_LEVEL, type NotificationKind } from '@reform/contracts';
import type { EffectsRecorder } from './finding-effects';
import type { FindingState } from './finding-state';

const ESCALATION_NOTICES: Record<number, [NotificationKind, string]> = {
  1: ['SUPERVISION_NOTICE', '督办通知 supervision notice'],
  2: ['INTERVIEW_NOTICE', '约谈 interview of the responsible person'],
  3: ['ACCOUNTABILITY_PROPOSED', '问责建议 accountability proposed'],
};

const at = (ms: number) => new Date(ms).toISOString();

/** A deadline moved (extension, failed verification or relapse with a new date). */
export function moveDeadline(state: FindingState, dueAt: string): void {
  state.dueAt = dueAt;
  state.overdue = false;
  state.nextEscalationAt = null;
}

/**
 * The deadline passed without a report: overdue, and the ladder starts (level 1 at once) or
 * continues from the level already reached, one step after `missedAtMs`.
 */
export function missDeadline(state: FindingState, fx: EffectsRecorder, missedAtMs: number, stepMs: number): void {
  if (!state.overdue) {
    state.overdue = true;
    fx.event('OVERDUE', { dueAt: state.dueAt });
  }
  if (state.escalationLevel === 0) escalate(state, fx, missedAtMs, stepMs);
  else state.nextEscalationAt = state.escalationLevel < MAX_ESCALATION_LEVEL ? at(missedAtMs + stepMs) : null;
}

/**
 * One rung up the ladder 督办 → 约谈 → 问责. The next rung is counted from when this one was
 * due, not from when it fired, so a worker that was down catches up instead of drifting.
 */
export function escalate(state: FindingState, fx: EffectsRecorder, dueAtMs: number, stepMs: number): void {
  const level = Math.min(state.escalationLevel + 1, MAX_ESCALATION_LEVEL);
  state.escalationLevel = level;
  state.nextEscalationAt = level < MAX_ESCALATION_LEVEL ? at(dueAtMs + stepMs) : null;
  if (level === MAX_ESCALATION_LEVEL) {
    state.accountability = 'proposed';
    state.pending.push({ kind: 'accountability', since: fx.now, requestedBy: 'system', slaReported: false });
  }
  const event = fx.event('ESCALATED', { level });
  const [kind, subject] = ESCALATION_NOTICES[level];
  fx.notify(kind, event, subject, level === MAX_ESCALATION_LEVEL ? { kind: 'supervisors' } : undefined);
}

/** Whether the rectification clock runs: not while a report waits, not once closed. */
export function deadlineClockRuns(state: FindingState): boolean {
  return state.status !== 'REPORT_SUBMITTED' && state.status !== 'CLOSED';
}
