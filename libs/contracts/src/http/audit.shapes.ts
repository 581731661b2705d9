import { z } from 'zod/v4';
import { Count, shape, Uuid } from './registry';

/**
 * Why an entry breaks its chain: `index` a gap or repeat in the positions (an entry removed or
 * added), `link` its prev_hash is not the previous entry's hash, `content` its hash does not match
 * what it stores.
 */
export const CHAIN_BREAKS = ['index', 'link', 'content'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

/** 防篡改核验 — every chain holds, or where the earliest-stored break is. */
export const ChainVerdictSchema = shape(
  'ChainVerdict',
  "the audit log's hash chains recomputed: every chain holds, or the break stored earliest",
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), entries: Count }),
    z.object({
      ok: z.literal(false),
      firstBrokenSeq: z.int().positive(),
      entityId: Uuid,
      reason: z.enum(CHAIN_BREAKS),
      entries: Count,
    }),
  ]),
);
export type ChainVerdict = z.infer<typeof ChainVerdictSchema>;
