import type { Policy } from '@reform/contracts';
import { policyEnd } from '../policy-time';
import { dueReminder, nextReminder, reminderData, remindersOut } from '../reminders';
import { deadlineClockRuns, escalate, missDeadline } from './deadline';
import type { EffectsRecorder } from './finding-effects';
import type { FindingState } from './finding-state';
import { ladderHeld, type FindingRules } from './finding-rules';

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** Reminders out for the current deadline: a moved deadline re-arms them all. */
const remindersSent = (state: FindingState, policy: Policy): number =>
  state.remindedForDueAt === state.dueAt ? remindersOut(policy, state.remindersSent) : 0;

const remindersRun = (state: FindingState) => deadlineClockRuns(state) && !state.overdue;

/** The next reminder for the current deadline, while it can still be sent: not once the deadline has passed. */
function reminderAt(state: FindingState, policy: Policy): number | null {
  if (!remindersRun(state)) return null;
  return nextReminder(policy, Date.parse(state.dueAt), remindersSent(state, policy))?.at ?? null;
}

/** The reminders due by `nowMs` count as out, and the latest of them is sent if the deadline is still ahead. */
function fireReminders(state: FindingState, fx: EffectsRecorder, policy: Policy, nowMs: number): void {
  if (!remindersRun(state)) return;
  const due = dueReminder(policy, Date.parse(state.dueAt), remindersSent(state, policy), nowMs);
  if (!due) return;
  state.remindedForDueAt = state.dueAt;
  if (policy.reminders) state.remindersSent = due.sent;
  if (due.send) {
    const event = fx.event('REMINDER_SENT', { dueAt: state.dueAt, ...reminderData(policy, due.send) });
    fx.notify('REMINDER', event, '整改时限提醒 deadline reminder');
  }
}

/** Every moment at which some timer of this finding falls due, earliest first irrelevant. */
function dueMoments(state: FindingState, policy: Policy, rules: FindingRules): (number | null)[] {
  const clock = deadlineClockRuns(state);
  return [
    state.status === 'ASSIGNED' ? ms(state.planDueAt) : null,
    reminderAt(state, policy),
    clock && !state.overdue ? Date.parse(state.dueAt) : null,
    // A held ladder has no rung to wake for; the rule is asked only when there is one.
    clock && state.overdue && state.nextEscalationAt !== null && !ladderHeld(state, rules) ? ms(state.nextEscalationAt) : null,
    ...state.pending.filter((p) => !p.slaReported).map((p) => policyEnd(policy, 'approvalSlaMs', Date.parse(p.since))),
    state.status === 'CLOSED' ? ms(state.followUpAt) : null,
  ];
}

/** When the workflow must next wake up, or null when only a step can move the finding. */
export function nextWakeAt(state: FindingState, policy: Policy, rules: FindingRules): number | null {
  const moments = dueMoments(state, policy, rules).filter((moment): moment is number => moment !== null);
  return moments.length ? Math.min(...moments) : null;
}

/** Fires every timer that is due at `nowMs`, in the order the domain describes them. */
export function fireDueTimers(state: FindingState, fx: EffectsRecorder, policy: Policy, rules: FindingRules, nowMs: number): void {
  if (state.status === 'ASSIGNED' && state.planDueAt && Date.parse(state.planDueAt) <= nowMs) {
    const event = fx.event('PLAN_OVERDUE', { planDueAt: state.planDueAt });
    state.planDueAt = null;
    fx.notify('PLAN_OVERDUE_NOTICE', event, '整改方案逾期 rectification plan overdue');
  }
  fireReminders(state, fx, policy, nowMs);
  if (deadlineClockRuns(state) && !state.overdue && Date.parse(state.dueAt) <= nowMs) {
    missDeadline(state, fx, Date.parse(state.dueAt), policy, () => ladderHeld(state, rules));
  }
  while (
    deadlineClockRuns(state) &&
    state.overdue &&
    state.nextEscalationAt &&
    Date.parse(state.nextEscalationAt) <= nowMs &&
    !ladderHeld(state, rules)
  ) {
    escalate(state, fx, Date.parse(state.nextEscalationAt), policy);
  }
  for (const pending of state.pending) {
    if (!pending.slaReported && policyEnd(policy, 'approvalSlaMs', Date.parse(pending.since)) <= nowMs) {
      pending.slaReported = true;
      const event = fx.event('APPROVAL_OVERDUE', { pendingApproval: pending.kind, since: pending.since });
      fx.notify('APPROVAL_OVERDUE', event, '审批超时 approval overdue', { kind: 'supervisors' });
    }
  }
  if (state.status === 'CLOSED' && state.followUpAt && Date.parse(state.followUpAt) <= nowMs) {
    state.followUpAt = null;
    state.pending.push({ kind: 'followUp', since: new Date(nowMs).toISOString(), requestedBy: 'system', slaReported: false });
    const event = fx.event('FOLLOW_UP_DUE', {});
    fx.notify('FOLLOW_UP_DUE', event, '回头看 follow-up review due', { kind: 'supervisors' });
  }
}
