import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '@reform/persistence';

/** What `createTestDatabase` may be told: which migrations its DataSource knows (all of them unless given). */
export interface TestDatabaseOptions {
  /** Only these migrations, in order: a database as it stood before the later ones, for testing a migration over data. */
  migrations?: DataSourceOptions['migrations'];
}

export interface TestDatabase {
  /** Connection URL of the fresh database, for code that builds its own DataSource. */
  url: string;
  /** Initialised, with every migration applied (or those of `TestDatabaseOptions.migrations`). */
  dataSource: DataSource;
  /** Closes the DataSource and drops the database, even with other connections still open. */
  drop(): Promise<void>;
}

const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A uniquely named, migrated database per call, so test files never share state. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `reform_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    ...dataSourceOptions(url.toString()),
    ...(options.migrations && { migrations: options.migrations }),
  } as DataSourceOptions);
  try {
    await dataSource.initialize();
    await runMigrationsLocked(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
