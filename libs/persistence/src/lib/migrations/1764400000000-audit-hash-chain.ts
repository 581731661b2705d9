import type { MigrationInterface, QueryRunner } from 'typeorm';
import { entryHash, GENESIS_HASH, type ChainedEntry } from '../audit-chain';

const BACKFILL_BATCH = 2000;

interface LegacyRow {
  id: string;
  entity_id: string;
  entity_type: string;
  case_id: string;
  seq: number;
  type: string;
  at: Date;
  actor: string;
  data: Record<string, unknown>;
}

/**
 * The tamper-evident audit log: every event gets its place in its entity's hash chain
 * (chain_index, prev_hash, hash), and the table refuses UPDATE, DELETE and TRUNCATE.
 * Events stored before this migration are chained in the order they were inserted (by id).
 */
export class AuditHashChain1764400000000 implements MigrationInterface {
  name = 'AuditHashChain1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Writers wait until the backfill commits, so no event escapes the chain.
    await queryRunner.query('LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE');
    await queryRunner.query(`
      ALTER TABLE events
        ADD COLUMN chain_index int NULL,
        ADD COLUMN prev_hash text NULL,
        ADD COLUMN hash text NULL`);
    await queryRunner.query('CREATE INDEX ix_events_backfill ON events (entity_id, id)');
    await backfill(queryRunner);
    await queryRunner.query('DROP INDEX ix_events_backfill');
    await queryRunner.query(`
      ALTER TABLE events
        ALTER COLUMN chain_index SET NOT NULL,
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL,
        ADD CONSTRAINT uq_events_entity_id_chain_index UNIQUE (entity_id, chain_index)`);
    await queryRunner.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % on events is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS trg_events_no_truncate ON events');
    await queryRunner.query('DROP TRIGGER IF EXISTS trg_events_append_only ON events');
    await queryRunner.query('DROP FUNCTION IF EXISTS events_append_only()');
    await queryRunner.query(`
      ALTER TABLE events
        DROP CONSTRAINT uq_events_entity_id_chain_index,
        DROP COLUMN hash,
        DROP COLUMN prev_hash,
        DROP COLUMN chain_index`);
  }
}

/** Chains the existing events, entity by entity in id order, a batch at a time. */
async function backfill(queryRunner: QueryRunner): Promise<void> {
  let after = { entityId: '00000000-0000-0000-0000-000000000000', id: '0' };
  let head = { entityId: '', chainIndex: 0, hash: GENESIS_HASH };
  for (;;) {
    const rows: LegacyRow[] = await queryRunner.query(
      `SELECT id, entity_id, entity_type, case_id, seq, type, at, actor, data FROM events
       WHERE (entity_id, id) > ($1::uuid, $2::bigint) ORDER BY entity_id, id LIMIT ${BACKFILL_BATCH}`,
      [after.entityId, after.id],
    );
    if (rows.length === 0) return;
    const links = rows.map((row) => {
      if (row.entity_id !== head.entityId) head = { entityId: row.entity_id, chainIndex: 0, hash: GENESIS_HASH };
      const entry: ChainedEntry = {
        entityId: row.entity_id,
        entityType: row.entity_type,
        caseId: row.case_id,
        seq: row.seq,
        chainIndex: head.chainIndex + 1,
        type: row.type,
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        data: row.data ?? {},
      };
      const link = { id: row.id, chain_index: entry.chainIndex, prev_hash: head.hash, hash: entryHash(head.hash, entry) };
      head = { entityId: row.entity_id, chainIndex: entry.chainIndex, hash: link.hash };
      return link;
    });
    await queryRunner.query(
      `UPDATE events e SET chain_index = r.chain_index, prev_hash = r.prev_hash, hash = r.hash
       FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, chain_index int, prev_hash text, hash text)
       WHERE e.id = r.id`,
      [JSON.stringify(links)],
    );
    const last = rows[rows.length - 1];
    after = { entityId: last.entity_id, id: last.id };
  }
}
