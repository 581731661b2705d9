import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * One place that says how the app reaches its database. The schema comes from migrations only and
 * is read and written with SQL, so TypeORM is given no entities (see schema.ts for the columns).
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10), connectionTimeoutMillis: 5000 },
  };
}
