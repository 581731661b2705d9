import { businessInputOf, instantOfBusinessInput } from '../time/business-time';

/** `<input type="datetime-local">` reads the business wall clock (TZ_BUSINESS), not the browser's; the API speaks ISO-8601 instants. */
export function localInputToIso(value: string): string | undefined {
  return instantOfBusinessInput(value);
}

/** An instant as a datetime-local value on the business wall clock, to the minute. */
export function isoToLocalInput(ms: number): string {
  return businessInputOf(ms);
}

/** An Idempotency-Key; crypto.randomUUID exists only on secure origins, getRandomValues everywhere. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
