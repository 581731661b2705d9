import type { Policy, PolicyDurations } from '@reform/contracts';
import { addCalendarMonths } from './calendar/zoned-time';

/** The part of a policy a timer needs: one duration, its months, and where months are counted. */
export type PolicyTiming<K extends keyof PolicyDurations> = Pick<Policy, K | 'months' | 'timeZone'>;

/**
 * When the policy's duration `key`, started at `startMs`, ends: its calendar months (on the
 * wall clock of the policy's zone), then its milliseconds. Every timer counts through here, so
 * that without months it is `startMs + policy[key]` exactly, as recorded histories expect.
 */
export function policyEnd<K extends keyof PolicyDurations>(policy: PolicyTiming<K>, key: K, startMs: number): number {
  const months = policy.months?.[key] ?? 0;
  const from = months === 0 ? startMs : addCalendarMonths(policy.timeZone ?? 'UTC', startMs, months);
  return from + policy[key];
}

/** When the duration `key` must start to end at `endMs` ("this long before"): months back, then milliseconds. */
export function policyStart<K extends keyof PolicyDurations>(policy: PolicyTiming<K>, key: K, endMs: number): number {
  const months = policy.months?.[key] ?? 0;
  const from = months === 0 ? endMs : addCalendarMonths(policy.timeZone ?? 'UTC', endMs, -months);
  return from - policy[key];
}
