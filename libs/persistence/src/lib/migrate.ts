import type { DataSource } from 'typeorm';

// Any constant shared by every process of this app; it only has to be the same everywhere.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that API and worker replicas
 * starting together apply each migration exactly once.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
