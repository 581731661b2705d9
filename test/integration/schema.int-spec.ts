import type { DataSource } from 'typeorm';
import { MIGRATIONS, SCHEMA, runMigrationsLocked, type Column } from '@reform/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface ColumnFacts {
  type: string;
  nullable: boolean;
  generated: boolean;
}

/** table → column → facts */
type Columns = Map<string, Map<string, ColumnFacts>>;

function describeColumn(facts: ColumnFacts): string {
  return `${facts.type} ${facts.nullable ? 'NULL' : 'NOT NULL'}${facts.generated ? ' generated' : ''}`;
}

function migrationsTable(dataSource: DataSource): string {
  return (dataSource.options as { migrationsTableName?: string }).migrationsTableName ?? 'migrations';
}

/** What the migrations made, read from information_schema (TypeORM's own bookkeeping table left out). */
async function migratedColumns(dataSource: DataSource): Promise<Columns> {
  const rows: Array<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }> =
    await dataSource.query(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> $1`,
      [migrationsTable(dataSource)],
    );
  const columns: Columns = new Map();
  for (const row of rows) {
    const table = columns.get(row.table_name) ?? new Map<string, ColumnFacts>();
    table.set(row.column_name, {
      type: row.data_type,
      nullable: row.is_nullable === 'YES',
      generated: row.column_default?.startsWith('nextval(') ?? false,
    });
    columns.set(row.table_name, table);
  }
  return columns;
}

/** SCHEMA's columns, with PostgreSQL spelling each type the way information_schema does ('int' → 'integer'). */
async function statedColumns(dataSource: DataSource): Promise<Columns> {
  const stated = Object.entries(SCHEMA as Record<string, Record<string, Column<unknown>>>);
  const types = [...new Set(stated.flatMap(([, columns]) => Object.values(columns).map((column) => column.type)))];
  const canonical: Array<{ name: string; spelled: string }> = await dataSource.query(
    'SELECT name, name::regtype::text AS spelled FROM unnest($1::text[]) AS name',
    [types],
  );
  const spelling = new Map(canonical.map((row) => [row.name, row.spelled]));
  return new Map(
    stated.map(([table, columns]) => [
      table,
      new Map(
        Object.entries(columns).map(([name, column]) => [
          name,
          { type: spelling.get(column.type) ?? column.type, nullable: column.nullable, generated: column.generated },
        ]),
      ),
    ]),
  );
}

/** Every way the migrated database and SCHEMA disagree, one line each, naming table and column. */
async function schemaDifferences(dataSource: DataSource): Promise<string[]> {
  const [migrated, stated] = await Promise.all([migratedColumns(dataSource), statedColumns(dataSource)]);
  const differences: string[] = [];
  for (const table of new Set([...migrated.keys(), ...stated.keys()])) {
    const inDatabase = migrated.get(table);
    const inSchema = stated.get(table);
    if (!inSchema) differences.push(`${table}: created by the migrations, missing from SCHEMA`);
    if (!inDatabase) differences.push(`${table}: in SCHEMA, not created by the migrations`);
    if (!inDatabase || !inSchema) continue;
    for (const name of new Set([...inDatabase.keys(), ...inSchema.keys()])) {
      const made = inDatabase.get(name);
      const said = inSchema.get(name);
      if (!said && made) differences.push(`${table}.${name}: ${describeColumn(made)} in the database, missing from SCHEMA`);
      else if (!made && said) differences.push(`${table}.${name}: ${describeColumn(said)} in SCHEMA, missing from the database`);
      else if (made && said && describeColumn(made) !== describeColumn(said)) {
        differences.push(`${table}.${name}: SCHEMA says ${describeColumn(said)}, the migrations made ${describeColumn(made)}`);
      }
    }
  }
  return differences.sort();
}

describe('the schema', () => {
  const databases: TestDatabase[] = [];
  async function migrated(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  }
  afterAll(() => Promise.all(databases.map((db) => db.drop())));

  it('is, table for table and column for column, what the migrations create', async () => {
    const db = await migrated();
    expect(await schemaDifferences(db.dataSource)).toEqual([]);
  });

  it('names each column where a migration and SCHEMA disagree', async () => {
    const db = await migrated();
    await db.dataSource.query('ALTER TABLE findings ALTER COLUMN category SET NOT NULL');
    await db.dataSource.query('ALTER TABLE cases ADD COLUMN region text NULL');
    await db.dataSource.query('ALTER TABLE notifications DROP COLUMN last_error');
    await db.dataSource.query('ALTER TABLE reconciliation_runs ALTER COLUMN in_flight TYPE bigint');
    // A table no migration makes (org_units served here until the organisation migration made it).
    await db.dataSource.query('CREATE TABLE petitions (id text PRIMARY KEY)');
    expect(await schemaDifferences(db.dataSource)).toEqual([
      'cases.region: text NULL in the database, missing from SCHEMA',
      'findings.category: SCHEMA says text NULL, the migrations made text NOT NULL',
      'notifications.last_error: text NULL in SCHEMA, missing from the database',
      'petitions: created by the migrations, missing from SCHEMA',
      'reconciliation_runs.in_flight: SCHEMA says integer NOT NULL, the migrations made bigint NOT NULL',
    ]);
  });

  it('undoes every migration with its down, and the ups then build the same schema again', async () => {
    const db = await migrated();
    for (let i = 0; i < MIGRATIONS.length; i++) await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await migratedColumns(db.dataSource)).toEqual(new Map());
    const [{ functions }] = await db.dataSource.query(
      `SELECT count(*)::int AS functions FROM pg_proc WHERE pronamespace = current_schema()::regnamespace`,
    );
    expect(functions).toBe(0);
    expect(await runMigrationsLocked(db.dataSource)).toHaveLength(MIGRATIONS.length);
    expect(await schemaDifferences(db.dataSource)).toEqual([]);
  });
});
