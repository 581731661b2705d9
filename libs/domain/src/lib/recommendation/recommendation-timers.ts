import type { Policy } from '@reform/contracts';
import { policyEnd } from '../policy-time';
import { dueReminder, nextReminder, reminderData, remindersOut } from '../reminders';
import type { RecommendationEffectsRecorder } from './recommendation-effects';
import type { RecommendationState } from './recommendation-state';

const awaitingReply = (state: RecommendationState) => state.status === 'ISSUED' || state.status === 'RECEIVED';

const replyRemindersSent = (state: RecommendationState, policy: Policy): number =>
  state.replyReminded ? remindersOut(policy, state.replyRemindersSent) : 0;

/** Every moment at which some timer of this recommendation falls due, or null for a timer not running. */
function dueMoments(state: RecommendationState, policy: Policy): (number | null)[] {
  const replyDue = Date.parse(state.replyDueAt);
  return [
    state.status === 'PENDING_SIGNOFF' && !state.issuing && !state.approvalSlaReported && state.submittedAt
      ? policyEnd(policy, 'approvalSlaMs', Date.parse(state.submittedAt))
      : null,
    state.status === 'ISSUED' && !state.receiptOverdueReported && state.receiptDueAt ? Date.parse(state.receiptDueAt) : null,
    awaitingReply(state) ? (nextReminder(policy, replyDue, replyRemindersSent(state, policy))?.at ?? null) : null,
    awaitingReply(state) && !state.replyOverdueReported ? replyDue : null,
  ];
}

/** When the workflow must next wake up, or null when only a step or a finding can move it. */
export function nextRecommendationWakeAt(state: RecommendationState, policy: Policy): number | null {
  const moments = dueMoments(state, policy).filter((moment): moment is number => moment !== null);
  return moments.length ? Math.min(...moments) : null;
}

/** Fires every timer due at `nowMs`: sign-off SLA, receipt due (催签), reply reminder, reply due. */
export function fireRecommendationTimers(
  state: RecommendationState,
  fx: RecommendationEffectsRecorder,
  policy: Policy,
  nowMs: number,
): void {
  const [signOffSla, receiptDue, reminder, replyDue] = dueMoments(state, policy);
  if (signOffSla !== null && signOffSla <= nowMs) {
    state.approvalSlaReported = true;
    const event = fx.event('APPROVAL_OVERDUE', { pendingApproval: 'signoff', since: state.submittedAt });
    fx.notify('APPROVAL_OVERDUE', event, '建议书签发超时 sign-off overdue', [{ kind: 'supervisors' }]);
  }
  if (receiptDue !== null && receiptDue <= nowMs) {
    state.receiptOverdueReported = true;
    state.overdue.receipt = true;
    const event = fx.event('RECEIPT_OVERDUE', { receiptDueAt: state.receiptDueAt });
    fx.notify('RECEIPT_OVERDUE', event, '建议书催签 receipt overdue', fx.unitAndOffice());
  }
  if (reminder !== null && reminder <= nowMs) fireReplyReminders(state, fx, policy, nowMs);
  if (replyDue !== null && replyDue <= nowMs) {
    state.replyOverdueReported = true;
    state.overdue.reply = true;
    const event = fx.event('REPLY_OVERDUE', { replyDueAt: state.replyDueAt });
    fx.notify('REPLY_OVERDUE', event, '建议书回复逾期 reply overdue', fx.unitAndOffice());
  }
}

/** The reply reminders due by `nowMs` count as out, and the latest of them is sent if the reply deadline is still ahead. */
function fireReplyReminders(state: RecommendationState, fx: RecommendationEffectsRecorder, policy: Policy, nowMs: number): void {
  const due = dueReminder(policy, Date.parse(state.replyDueAt), replyRemindersSent(state, policy), nowMs);
  if (!due) return;
  state.replyReminded = true;
  if (policy.reminders) state.replyRemindersSent = due.sent;
  if (due.send) {
    const event = fx.event('REMINDER_SENT', { replyDueAt: state.replyDueAt, ...reminderData(policy, due.send) });
    fx.notify('REMINDER', event, '建议书回复时限提醒 reply reminder', [{ kind: 'unit', unitId: state.seed.unitId }]);
  }
}
