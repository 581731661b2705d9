import { randomUUID } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AuditChainQueries, dataSourceOptions, MIGRATIONS, registerEntityId, runMigrationsLocked } from '@reform/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ORGANISATION = 'Organisation1764800000000';
/** The migrations before Organisation: the schema a database had when it first met the registers. */
const BEFORE_ORGANISATION = MIGRATIONS.slice(
  0,
  MIGRATIONS.findIndex((migration) => migration.name === ORGANISATION),
);
/** Up to Organisation and no further: the later migrations are not what this file tests. */
const UP_TO_ORGANISATION = MIGRATIONS.slice(0, BEFORE_ORGANISATION.length + 1);

interface OrgUnitRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  supervises: string[];
  active: boolean;
}

/**
 * 组织机构 over a database that already has findings: the migration registers the root and every
 * unit a finding names, so that checking unit ids from now on orphans no open finding.
 */
describe('the Organisation migration over existing findings', () => {
  let db: TestDatabase;
  let migrated: DataSource;
  const caseId = randomUUID();
  const findingIds = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    expect(UP_TO_ORGANISATION.map((migration) => migration.name).at(-1)).toBe(ORGANISATION);
    db = await createTestDatabase({ migrations: BEFORE_ORGANISATION });
    await db.dataSource.query(
      `INSERT INTO cases (id, code, title, summary, source, status, opened_by, created_at, updated_at, version)
       VALUES ($1, 'ZG-2025-0001', '迁移前的案件', '案情', 'inspection', 'OPEN', 'officer-1', now(), now(), 1)`,
      [caseId],
    );
    for (const [index, unitId] of ['U-A', 'U-B', 'U-A'].entries()) {
      await db.dataSource.query(
        `INSERT INTO findings (id, case_id, title, description, unit_id, due_at, status, overdue, escalation_level,
                               accountability, opened_by, created_at, updated_at, version)
         VALUES ($1, $2, $3, '描述', $4, now() + interval '30 days', 'ASSIGNED', false, 0, 'none', 'officer-1', now(), now(), 1)`,
        [findingIds[index], caseId, `问题 ${index + 1}`, unitId],
      );
    }
    migrated = new DataSource({ ...dataSourceOptions(db.url), migrations: UP_TO_ORGANISATION } as DataSourceOptions);
    await migrated.initialize();
  });
  afterAll(async () => {
    if (migrated?.isInitialized) await migrated.destroy();
    await db?.drop();
  });

  const orgUnits = (): Promise<OrgUnitRow[]> =>
    migrated.query('SELECT id, name, kind, parent_id, supervises, active FROM org_units ORDER BY id');

  it('runs only the Organisation migration on a database that has the others', async () => {
    expect(await runMigrationsLocked(migrated)).toEqual([ORGANISATION]);
  });

  it('registers ROOT (纪委监委, commission) and each unit the findings name, as an active unit under ROOT named by its code', async () => {
    expect(await orgUnits()).toEqual([
      { id: 'ROOT', name: '纪委监委', kind: 'commission', parent_id: null, supervises: [], active: true },
      { id: 'U-A', name: 'U-A', kind: 'unit', parent_id: 'ROOT', supervises: [], active: true },
      { id: 'U-B', name: 'U-B', kind: 'unit', parent_id: 'ROOT', supervises: [], active: true },
    ]);
  });

  it('records each as an ORG_UNIT_SAVED event whose hash chain verifies', async () => {
    const chain = new AuditChainQueries(migrated);
    for (const id of ['ROOT', 'U-A', 'U-B']) {
      const entityId = registerEntityId('org_unit', id);
      const events: Array<{ type: string; seq: number; case_id: string | null; entity_type: string; data: { orgUnitId: string } }> =
        await migrated.query('SELECT type, seq, case_id, entity_type, data FROM events WHERE entity_id = $1', [entityId]);
      expect(events).toEqual([
        { type: 'ORG_UNIT_SAVED', seq: 1, case_id: null, entity_type: 'org_unit', data: expect.objectContaining({ orgUnitId: id }) },
      ]);
      expect(await chain.verify(entityId)).toEqual({ ok: true, entries: 1 });
    }
    expect(await chain.verify()).toEqual({ ok: true, entries: 3 });
  });

  it('leaves the existing findings without a tracking office', async () => {
    const rows: Array<{ id: string; tracking_office_id: string | null }> = await migrated.query(
      'SELECT id, tracking_office_id FROM findings ORDER BY id',
    );
    expect(rows).toEqual([...findingIds].sort().map((id) => ({ id, tracking_office_id: null })));
  });

  it('goes down and up again, registering the same org units with their chains still sound', async () => {
    await migrated.undoLastMigration({ transaction: 'each' });
    const [{ tables }] = await migrated.query(
      `SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('org_units', 'people')`,
    );
    expect(tables).toBe(0);
    const [{ columns }] = await migrated.query(
      `SELECT count(*)::int AS columns FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'findings' AND column_name = 'tracking_office_id'`,
    );
    expect(columns).toBe(0);

    expect(await runMigrationsLocked(migrated)).toEqual([ORGANISATION]);
    expect((await orgUnits()).map((unit) => unit.id)).toEqual(['ROOT', 'U-A', 'U-B']);
    expect(await new AuditChainQueries(migrated).verify()).toMatchObject({ ok: true });
  });
});
