import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries exactly `Bearer <token>`. Both sides are hashed first so
 * the comparison takes the same time whatever the length or the first differing byte.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(token));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
