import type { MigrationInterface, QueryRunner } from 'typeorm';
import { entryHash, GENESIS_HASH, type ChainedEntry } from '../audit-chain';
import { registerEntityId } from '../register-events';

/**
 * 组织机构与人员: the org-unit and people registers, the root commission `ROOT`, and every unit id a
 * finding already uses registered as an active unit under it (named by its code), so that no open
 * finding is orphaned when unit ids start being checked. Findings gain their tracking office
 * (跟踪单位; null for those made before). Register events have no case, so events.case_id may be null.
 */
export class Organisation1764800000000 implements MigrationInterface {
  name = 'Organisation1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE org_units (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        parent_id text NULL REFERENCES org_units (id),
        supervises jsonb NOT NULL DEFAULT '[]'::jsonb,
        active boolean NOT NULL DEFAULT true,
        head_person_id text NULL,
        liaison_person_id text NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_org_units_one_root ON org_units ((true)) WHERE parent_id IS NULL`);
    await queryRunner.query(`CREATE INDEX ix_org_units_parent_id ON org_units (parent_id)`);
    await queryRunner.query(`
      CREATE TABLE people (
        id text PRIMARY KEY,
        name text NOT NULL,
        org_unit_id text NOT NULL REFERENCES org_units (id),
        mobile text NULL,
        email text NULL,
        wecom_user_id text NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_people_org_unit_id ON people (org_unit_id)`);
    await queryRunner.query(`ALTER TABLE findings ADD COLUMN tracking_office_id text NULL`);
    await queryRunner.query(`CREATE INDEX ix_findings_tracking_office_id_created_at_id ON findings (tracking_office_id, created_at, id)`);
    await queryRunner.query(`ALTER TABLE events ALTER COLUMN case_id DROP NOT NULL`);

    const at = new Date().toISOString();
    const units: Array<{ unit_id: string }> = await queryRunner.query(`SELECT DISTINCT unit_id FROM findings ORDER BY unit_id`);
    const saved = [
      { id: 'ROOT', name: '纪委监委', kind: 'commission', parentId: null as string | null },
      ...units
        .filter((row) => row.unit_id !== 'ROOT')
        .map((row) => ({ id: row.unit_id, name: row.unit_id, kind: 'unit', parentId: 'ROOT' })),
    ];
    for (const unit of saved) {
      await queryRunner.query(
        `INSERT INTO org_units (id, name, kind, parent_id, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $5, 1)`,
        [unit.id, unit.name, unit.kind, unit.parentId, at],
      );
      await appendFirstEvent(queryRunner, unit, at);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Register events stay in the append-only log; their rows keep a null case_id, so NOT NULL is not restored over them.
    await queryRunner.query(`DROP INDEX IF EXISTS ix_findings_tracking_office_id_created_at_id`);
    await queryRunner.query(`ALTER TABLE findings DROP COLUMN tracking_office_id`);
    await queryRunner.query(`DROP TABLE people`);
    await queryRunner.query(`DROP TABLE org_units`);
  }
}

/** The ORG_UNIT_SAVED of an org unit the migration registered: the first link of its chain. */
async function appendFirstEvent(
  queryRunner: QueryRunner,
  unit: { id: string; name: string; kind: string; parentId: string | null },
  at: string,
) {
  const entry: ChainedEntry = {
    entityId: registerEntityId('org_unit', unit.id),
    entityType: 'org_unit',
    caseId: null,
    seq: 1,
    chainIndex: 1,
    type: 'ORG_UNIT_SAVED',
    at,
    actor: 'system',
    data: { orgUnitId: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId, supervises: [], active: true, created: true },
  };
  await queryRunner.query(
    `INSERT INTO events (entity_id, entity_type, case_id, seq, type, at, actor, data, chain_index, prev_hash, hash)
     VALUES ($1, $2, NULL, 1, $3, $4, $5, $6, 1, $7, $8)
     -- Up again after a down: the append-only log kept the first save's entry, which still records it.
     ON CONFLICT DO NOTHING`,
    [
      entry.entityId,
      entry.entityType,
      entry.type,
      entry.at,
      entry.actor,
      JSON.stringify(entry.data),
      GENESIS_HASH,
      entryHash(GENESIS_HASH, entry),
    ],
  );
}
