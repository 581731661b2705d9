import { POLICY_DEFAULTS, POLICY_ENV, type Policy, type PolicyDurations, type ReminderOffset } from '@reform/contracts';
import { parsePolicyDuration, type CalendarDuration } from './duration';
import { parseRemindBefore } from './remind-before';

export class PolicyError extends Error {}

const readDuration = (key: keyof PolicyDurations, text: string): CalendarDuration[] | { refused: string } => {
  if (key === 'remindBeforeMs') return parseRemindBefore(text);
  const duration = parsePolicyDuration(text);
  return 'refused' in duration ? duration : [duration];
};

const reminderOffset = ({ months, ms }: CalendarDuration): ReminderOffset => (months > 0 ? { ms, months } : { ms });

/**
 * Reads the POLICY_* durations; a malformed one names its variable and the expected form.
 * Months are counted in `timeZone` (TZ_BUSINESS); a policy without months carries neither
 * `months` nor `timeZone`, the same object as before months were accepted. POLICY_REMIND_BEFORE
 * may list several offsets: `remindBeforeMs` is the longest, and `reminders` lists them all;
 * with one offset there is no `reminders`, the same object as before lists were accepted.
 */
export function readPolicy(env: Record<string, string | undefined>, timeZone?: string): Policy {
  const durations: Partial<PolicyDurations> = {};
  const months: Partial<Record<keyof PolicyDurations, number>> = {};
  const inMonths: string[] = [];
  let reminders: ReminderOffset[] | undefined;
  for (const [key, variable] of Object.entries(POLICY_ENV) as [keyof PolicyDurations, keyof typeof POLICY_DEFAULTS][]) {
    const text = env[variable] ?? POLICY_DEFAULTS[variable];
    const read = readDuration(key, text);
    if ('refused' in read) throw new PolicyError(`${variable}=${JSON.stringify(text)} ${read.refused}`);
    const [longest] = read;
    durations[key] = longest.ms;
    if (longest.months > 0) months[key] = longest.months;
    if (read.some((duration) => duration.months > 0)) inMonths.push(variable);
    if (read.length > 1) reminders = read.map(reminderOffset);
  }
  const policy: Policy = reminders ? { ...(durations as PolicyDurations), reminders } : (durations as PolicyDurations);
  if (inMonths.length === 0) return policy;
  if (!timeZone) throw new PolicyError(`${inMonths.join(', ')}: months are counted in TZ_BUSINESS, which was not given`);
  return Object.keys(months).length > 0 ? { ...policy, months, timeZone } : { ...policy, timeZone };
}
