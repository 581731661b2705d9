import { randomBytes } from 'node:crypto';

/**
 * `count` UUIDs (version 7) that sort in the order given: the same millisecond, then a counter,
 * then random bits. A case's findings share their creation time, so their ids keep the officer's
 * order in every list sorted by (created_at, id) — the case's findings and the ledger's 序号.
 */
export function orderedIds(count: number, atMs: number = Date.now()): string[] {
  if (count > 0xfff) throw new RangeError(`at most ${0xfff} ordered ids at once`);
  const time = atMs.toString(16).padStart(12, '0');
  return Array.from({ length: count }, (_, index) => {
    const random = randomBytes(8);
    random[0] = (random[0] & 0x3f) | 0x80; // RFC 9562 variant
    const hex = `${time}${(0x7000 | index).toString(16)}${random.toString('hex')}`;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });
}
