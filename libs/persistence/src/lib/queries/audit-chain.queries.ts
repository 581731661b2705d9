import type { DataSource } from 'typeorm';
import type { ChainBreak, ChainVerdict } from '@reform/contracts';
import { ChainWalk, type StoredEntry } from '../audit-chain';

interface ChainRow {
  id: string;
  entity_id: string;
  entity_type: string;
  case_id: string;
  seq: number;
  chain_index: number;
  type: string;
  at: Date;
  actor: string;
  data: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

const BATCH = 2000;
const BEFORE_EVERY_UUID = '00000000-0000-0000-0000-000000000000';

function toStored(row: ChainRow): StoredEntry {
  return {
    entityId: row.entity_id,
    entityType: row.entity_type,
    caseId: row.case_id,
    seq: Number(row.seq),
    chainIndex: Number(row.chain_index),
    type: row.type,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    data: row.data ?? {},
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Recomputes the audit log's hash chains from the stored rows (see audit-chain.ts). */
export class AuditChainQueries {
  constructor(private readonly db: DataSource) {}

  /**
   * Walks every chain (or one entity's) in (entity, chain index) order, a batch at a time, and
   * reports the break stored earliest (lowest row id) — where tampering most likely began.
   */
  async verify(entityId?: string): Promise<ChainVerdict> {
    const walk = new ChainWalk();
    let after = { entityId: entityId ?? BEFORE_EVERY_UUID, chainIndex: 0 };
    let entries = 0;
    let earliest: { id: bigint; seq: number; entityId: string; reason: ChainBreak } | undefined;
    for (;;) {
      const rows: ChainRow[] = await this.db.query(
        `SELECT id, entity_id, entity_type, case_id, seq, chain_index, type, at, actor, data, prev_hash, hash
         FROM events WHERE (entity_id, chain_index) > ($1::uuid, $2::int) ${entityId ? 'AND entity_id = $1::uuid' : ''}
         ORDER BY entity_id, chain_index LIMIT ${BATCH}`,
        [after.entityId, after.chainIndex],
      );
      for (const row of rows) {
        entries += 1;
        const reason = walk.next(toStored(row));
        if (reason && (!earliest || BigInt(row.id) < earliest.id)) {
          earliest = { id: BigInt(row.id), seq: Number(row.seq), entityId: row.entity_id, reason };
        }
      }
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1];
      after = { entityId: last.entity_id, chainIndex: Number(last.chain_index) };
    }
    if (!earliest) return { ok: true, entries };
    return { ok: false, firstBrokenSeq: earliest.seq, entityId: earliest.entityId, reason: earliest.reason, entries };
  }
}
