import type { ChainBreak } from '@reform/contracts';
import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain. Each entity (a case or a finding) has its own chain, in the order its
 * events were stored: entry n carries `prev_hash` = the hash of entry n - 1 (GENESIS_HASH for the
 * first) and `hash` = SHA-256 over the previous hash and the entry's own content. Changing, removing
 * or reordering a stored entry breaks the equation for it or for the entry after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the hashed content ever changes shape; part of every hash. */
const CHAIN_VERSION = 'reform-audit-v1';

/** What an entry's hash covers: every stored column except the row id and the hashes themselves. */
export interface ChainedEntry {
  entityId: string;
  entityType: string;
  /** null for the registers' events (org units, people), which belong to no case. */
  caseId: string | null;
  seq: number;
  chainIndex: number;
  type: string;
  /** ISO-8601 with milliseconds, as `toISOString()` writes it. */
  at: string;
  actor: string;
  data: Record<string, unknown>;
}

export function entryHash(prevHash: string, entry: ChainedEntry): string {
  const content = canonicalJson([
    CHAIN_VERSION,
    prevHash,
    entry.entityId,
    entry.entityType,
    entry.caseId,
    entry.seq,
    entry.chainIndex,
    entry.type,
    entry.at,
    entry.actor,
    entry.data,
  ]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted at every depth, so the same value always hashes the same — whatever
 * key order the writer used or jsonb gave back.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** One link of a chain as stored, for verification. */
export interface StoredEntry extends ChainedEntry {
  prevHash: string;
  hash: string;
}

/** Walks entries in (entity, chain index) order, one at a time, so any number can be checked in batches. */
export class ChainWalk {
  private entityId: string | undefined;
  private position = 0;
  private prevHash = GENESIS_HASH;
  private broken = false;

  /** Why `entry` breaks its entity's chain; only the first break of each entity is reported. */
  next(entry: StoredEntry): ChainBreak | undefined {
    if (entry.entityId !== this.entityId) {
      this.entityId = entry.entityId;
      this.position = 0;
      this.prevHash = GENESIS_HASH;
      this.broken = false;
    }
    if (this.broken) return undefined;
    this.position += 1;
    const reason = this.check(entry);
    if (reason) this.broken = true;
    else this.prevHash = entry.hash;
    return reason;
  }

  private check(entry: StoredEntry): ChainBreak | undefined {
    if (entry.chainIndex !== this.position) return 'index';
    if (entry.prevHash !== this.prevHash) return 'link';
    if (entry.hash !== entryHash(this.prevHash, entry)) return 'content';
    return undefined;
  }
}
