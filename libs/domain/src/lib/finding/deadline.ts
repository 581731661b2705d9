import { MAX_ESCALATION_LEVEL, type NotificationKind, type Policy } from '@reform/contracts';
import { policyEnd } from '../policy-time';
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
 * continues from the level already reached, one step after `missedAtMs`. While `held()` (an
 * extension request waits) it does neither: the denial resumes it (`resumeLadder`).
 */
export function missDeadline(state: FindingState, fx: EffectsRecorder, missedAtMs: number, policy: Policy, held: () => boolean): void {
  if (!state.overdue) {
    state.overdue = true;
    fx.event('OVERDUE', { dueAt: state.dueAt });
  }
  if (state.escalationLevel >= MAX_ESCALATION_LEVEL) state.nextEscalationAt = null;
  else if (held()) state.nextEscalationAt = null;
  else if (state.escalationLevel === 0) escalate(state, fx, missedAtMs, policy);
  else state.nextEscalationAt = at(policyEnd(policy, 'escalationStepMs', missedAtMs));
}

/**
 * An extension was denied while the finding was overdue and its ladder held: the next rung one
 * step after the denial, so that a level is never skipped nor two come at once. `ruleApplies()`
 * says whether the ladder was held at all (a workflow may have started before the rule).
 */
export function resumeLadder(state: FindingState, deniedAtMs: number, policy: Policy, ruleApplies: () => boolean): void {
  if (!deadlineClockRuns(state) || !state.overdue || state.escalationLevel >= MAX_ESCALATION_LEVEL) return;
  if (ruleApplies()) state.nextEscalationAt = at(policyEnd(policy, 'escalationStepMs', deniedAtMs));
}

/**
 * One rung up the ladder 督办 → 约谈 → 问责. The next rung is counted from when this one was
 * due, not from when it fired, so a worker that was down catches up instead of drifting.
 */
export function escalate(state: FindingState, fx: EffectsRecorder, dueAtMs: number, policy: Policy): void {
  const level = Math.min(state.escalationLevel + 1, MAX_ESCALATION_LEVEL);
  state.escalationLevel = level;
  state.nextEscalationAt = level < MAX_ESCALATION_LEVEL ? at(policyEnd(policy, 'escalationStepMs', dueAtMs)) : null;
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
