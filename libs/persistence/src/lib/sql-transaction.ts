import type { DataSource } from 'typeorm';

/** Runs one SQL statement and answers its rows (also for UPDATE ... RETURNING). */
export type Sql = <T = Record<string, unknown>>(text: string, parameters?: unknown[]) => Promise<T[]>;

/** Runs `work` in one transaction with a raw-SQL helper bound to it. */
export function inTransaction<T>(dataSource: DataSource, work: (sql: Sql) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('transaction without a query runner');
    const sql: Sql = async (text, parameters) => (await runner.query(text, parameters, true)).records;
    return work(sql);
  });
}
