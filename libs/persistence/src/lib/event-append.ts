import type { EventRecord, InterviewEventRecord, RegisterEventType } from '@reform/contracts';
import { entryHash, GENESIS_HASH, type ChainedEntry } from './audit-chain';
import { eventRow } from './projection-rows';
import type { RegisterEntityType } from './register-events';
import { insertRowsSql } from './schema';
import type { Sql } from './sql-transaction';

/** The two-key advisory lock space of event appends (the migration lock uses the one-key space). */
const EVENT_LOCK_SPACE = 4_242_002;

const LOCK_ENTITIES = `SELECT pg_advisory_xact_lock(${EVENT_LOCK_SPACE}, hashtext(id)) FROM unnest($1::text[]) AS id`;
const CHAIN_HEADS = `
  SELECT DISTINCT ON (entity_id) entity_id, chain_index, hash FROM events
  WHERE entity_id = ANY($1::uuid[]) ORDER BY entity_id, chain_index DESC`;
const STORED_SEQS = `
  SELECT e.entity_id, e.seq FROM events e
  JOIN unnest($1::uuid[], $2::int[]) AS wanted(entity_id, seq) USING (entity_id, seq)`;
// No ON CONFLICT: under the lock a stored (entity, seq) was filtered out above, and a row that
// still collides means a writer skipped the lock — better a failed, retried activity than a gap.
const INSERT_EVENTS = insertRowsSql('events', '');

/** An event of the registers (an org unit's or a person's save): chained like any other, belonging to no case. */
export interface RegisterEventRecord extends Omit<EventRecord, 'entityType' | 'caseId' | 'type'> {
  entityType: RegisterEntityType;
  caseId: null;
  type: RegisterEventType;
}

interface Head {
  chainIndex: number;
  hash: string;
}

/**
 * Appends events to the audit log, each linked into its entity's hash chain, once per (entity, seq).
 *
 * Events of one finding arrive concurrently and out of seq order (a step's projection races a
 * timer's; retries repeat both), so the chain follows insertion order, not seq: the transaction
 * takes a per-entity advisory lock, held until commit, then reads the entity's last entry and
 * links after it. Writers of different entities never wait on each other.
 */
export async function appendEvents(sql: Sql, records: Array<EventRecord | RegisterEventRecord | InterviewEventRecord>): Promise<void> {
  if (records.length === 0) return;
  const events = records.map(normalised);
  // Sorted, so that two transactions locking overlapping entities take the locks in the same order.
  const entityIds = [...new Set(events.map((event) => event.entityId))].sort();
  await sql(LOCK_ENTITIES, [entityIds]);
  const heads = new Map<string, Head>();
  for (const row of await sql<{ entity_id: string; chain_index: number; hash: string }>(CHAIN_HEADS, [entityIds])) {
    heads.set(row.entity_id, { chainIndex: row.chain_index, hash: row.hash });
  }
  const stored = new Set(
    (await sql<{ entity_id: string; seq: number }>(STORED_SEQS, [events.map((e) => e.entityId), events.map((e) => e.seq)])).map(
      (row) => `${row.entity_id}/${row.seq}`,
    ),
  );
  const rows = [];
  for (const event of events) {
    const key = `${event.entityId}/${event.seq}`;
    if (stored.has(key)) continue;
    stored.add(key);
    const head = heads.get(event.entityId) ?? { chainIndex: 0, hash: GENESIS_HASH };
    const entry: ChainedEntry = { ...event, chainIndex: head.chainIndex + 1 };
    const hash = entryHash(head.hash, entry);
    rows.push(eventRow(entry, { prevHash: head.hash, hash }));
    heads.set(event.entityId, { chainIndex: entry.chainIndex, hash });
  }
  if (rows.length > 0) await sql(INSERT_EVENTS, [JSON.stringify(rows)]);
}

/** Exactly what PostgreSQL will give back, so that the hash computed now is the one verified later. */
function normalised(record: EventRecord | RegisterEventRecord | InterviewEventRecord): Omit<ChainedEntry, 'chainIndex'> {
  return {
    entityId: record.entityId.toLowerCase(),
    entityType: record.entityType,
    caseId: record.caseId === null ? null : record.caseId.toLowerCase(),
    seq: record.seq,
    type: record.type,
    at: new Date(record.at).toISOString(),
    actor: record.actor,
    data: JSON.parse(JSON.stringify(record.data ?? {})) as Record<string, unknown>,
  };
}
