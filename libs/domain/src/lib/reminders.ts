import type { Policy, ReminderOffset } from '@reform/contracts';
import { formatPolicyDuration } from './duration';
import { policyStart } from './policy-time';

/** The part of a policy a deadline's reminders need. */
export type ReminderPolicy = Pick<Policy, 'remindBeforeMs' | 'months' | 'timeZone' | 'reminders'>;

/** One reminder of a deadline: when it is due, and the offset before the deadline that set it. */
export interface Reminder {
  at: number;
  offset: ReminderOffset;
}

/** POLICY_REMIND_BEFORE's offsets: its list, or its one duration. */
export function reminderOffsets(policy: ReminderPolicy): ReminderOffset[] {
  return policy.reminders ?? [{ ms: policy.remindBeforeMs, months: policy.months?.remindBeforeMs }];
}

/**
 * Reminders out for a deadline already reminded of: the count kept, or all of them without one
 * (a policy of one offset keeps none, nor did states carried before lists were accepted).
 */
export const remindersOut = (policy: ReminderPolicy, counted: number | undefined): number => counted ?? reminderOffsets(policy).length;

/** A deadline's reminders, earliest first; a single offset's is `policyStart(policy, 'remindBeforeMs', dueMs)` exactly. */
export function reminderMoments(policy: ReminderPolicy, dueMs: number): Reminder[] {
  const timing = (offset: ReminderOffset) => ({
    remindBeforeMs: offset.ms,
    months: { remindBeforeMs: offset.months ?? 0 },
    timeZone: policy.timeZone,
  });
  return reminderOffsets(policy)
    .map((offset) => ({ at: policyStart(timing(offset), 'remindBeforeMs', dueMs), offset }))
    .sort((a, b) => a.at - b.at);
}

/** The next reminder of a deadline once `sent` of its reminders are out; null when none is left. */
export function nextReminder(policy: ReminderPolicy, dueMs: number, sent: number): Reminder | null {
  return reminderMoments(policy, dueMs)[sent] ?? null;
}

/**
 * The reminders of a deadline due by `nowMs`, `sent` of them already out: how many are out then,
 * and the one to send. Only the latest passed is sent, so that offsets passed together (a
 * deadline set nearer than several of them) make one reminder; none at or after the deadline.
 * Null while the next is still ahead.
 */
export function dueReminder(
  policy: ReminderPolicy,
  dueMs: number,
  sent: number,
  nowMs: number,
): { sent: number; send: Reminder | null } | null {
  const moments = reminderMoments(policy, dueMs);
  let passed = sent;
  while (passed < moments.length && moments[passed].at <= nowMs) passed += 1;
  if (passed === sent) return null;
  return { sent: passed, send: nowMs < dueMs ? moments[passed - 1] : null };
}

/**
 * What a REMINDER_SENT adds about its offset: `before`, the offset as ISO-8601 text (P7D, P1M,
 * PT12H), only under a policy listing several, so that events under one offset stay as they were.
 */
export function reminderData(policy: ReminderPolicy, reminder: Reminder): { before?: string } {
  return policy.reminders ? { before: formatPolicyDuration(reminder.offset) } : {};
}
