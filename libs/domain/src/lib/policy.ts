import { POLICY_DEFAULTS, POLICY_ENV, type Policy } from '@reform/contracts';
import { parseDurationMs } from './duration';

export class PolicyError extends Error {}

/** Reads the POLICY_* durations; a malformed one names its variable and the expected form. */
export function readPolicy(env: Record<string, string | undefined>): Policy {
  const entries = Object.entries(POLICY_ENV).map(([key, variable]) => {
    const text = env[variable] ?? POLICY_DEFAULTS[variable];
    const ms = parseDurationMs(text);
    if (ms === null) {
      throw new PolicyError(
        `${variable}=${JSON.stringify(text)} is not an ISO-8601 duration such as P7D, PT12H or PT5S (weeks, days, hours, minutes, seconds)`,
      );
    }
    return [key, ms] as const;
  });
  return Object.fromEntries(entries) as unknown as Policy;
}
