import { POLICY_DEFAULTS, POLICY_ENV, type Policy, type PolicyDurations } from '@reform/contracts';
import { parsePolicyDuration } from './duration';

export class PolicyError extends Error {}

/**
 * Reads the POLICY_* durations; a malformed one names its variable and the expected form.
 * Months are counted in `timeZone` (TZ_BUSINESS); a policy without months carries neither
 * `months` nor `timeZone`, the same object as before months were accepted.
 */
export function readPolicy(env: Record<string, string | undefined>, timeZone?: string): Policy {
  const durations: Partial<PolicyDurations> = {};
  const months: Partial<Record<keyof PolicyDurations, number>> = {};
  for (const [key, variable] of Object.entries(POLICY_ENV) as [keyof PolicyDurations, keyof typeof POLICY_DEFAULTS][]) {
    const text = env[variable] ?? POLICY_DEFAULTS[variable];
    const duration = parsePolicyDuration(text);
    if ('refused' in duration) throw new PolicyError(`${variable}=${JSON.stringify(text)} ${duration.refused}`);
    durations[key] = duration.ms;
    if (duration.months > 0) months[key] = duration.months;
  }
  const policy = durations as PolicyDurations;
  if (Object.keys(months).length === 0) return policy;
  if (!timeZone)
    throw new PolicyError(
      `${Object.keys(months)
        .map((key) => POLICY_ENV[key as keyof PolicyDurations])
        .join(', ')}: months are counted in TZ_BUSINESS, which was not given`,
    );
  return { ...policy, months, timeZone };
}
