import type { LedgerRow } from '@reform/contracts';
import { LedgerQueries, ProjectionStore } from '@reform/persistence';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const minutes = (n: number) => new Date(Date.parse('2026-03-01T00:00:00Z') + n * 60_000).toISOString();

async function collect(batches: AsyncIterable<LedgerRow[]>): Promise<{ rows: LedgerRow[]; sizes: number[] }> {
  const rows: LedgerRow[] = [];
  const sizes: number[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { rows, sizes };
}

describe('the ledger query (PostgreSQL)', () => {
  let database: TestDatabase;
  let ledger: LedgerQueries;
  const titles: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    ledger = new LedgerQueries(database.dataSource);
    const store = new ProjectionStore(database.dataSource);
    for (const [c, units] of [
      ['A', ['U1', 'U2', 'U1']],
      ['B', ['U2', 'U1', 'U2', 'U1']],
    ] as const) {
      const opened = aCase({ title: `案件${c}` });
      const findings = units.map((unitId, i) => {
        const n = titles.length;
        titles.push(`${c}${i + 1}`);
        return aFinding(opened.id, {
          title: `${c}${i + 1}`,
          unitId,
          createdAt: minutes(n),
          dueAt: minutes(1000 + n),
          overdue: n % 3 === 0,
          status: n === 4 ? 'CLOSED' : 'RECTIFYING',
          closedAt: n === 4 ? minutes(500) : null,
        });
      });
      const events = findings.map((f) => anEvent({ id: f.id, caseId: opened.id, type: 'finding' }, 1));
      await store.caseOpened({ case: opened, year: 2026, findings, events });
    }
  });
  afterAll(() => database?.drop());

  it('pages rows in the order findings were recorded, with their case code and title', async () => {
    const page = await ledger.page({}, { page: 2, pageSize: 3 });
    expect(page.total).toBe(7);
    expect(page.items.map((row) => row.title)).toEqual(['B1', 'B2', 'B3']);
    expect(page.items[0]).toMatchObject({ caseCode: 'ZG-2026-0002', caseTitle: '案件B', unitId: 'U2', responsiblePerson: '张三' });
  });

  it('filters by unit, overdue, status and half-open date ranges', async () => {
    const u1 = await ledger.page({ unitId: 'U1' }, { page: 1, pageSize: 50 });
    expect(u1.items.map((row) => row.title)).toEqual(['A1', 'A3', 'B2', 'B4']);
    expect((await ledger.page({ overdue: true }, { page: 1, pageSize: 50 })).items.map((r) => r.title)).toEqual(['A1', 'B1', 'B4']);
    const due = await ledger.page({ due: { from: minutes(1001), before: minutes(1003) } }, { page: 1, pageSize: 50 });
    expect(due.items.map((row) => row.title)).toEqual(['A2', 'A3']);
    const closed = await ledger.page({ status: 'CLOSED', closed: { from: minutes(500) } }, { page: 1, pageSize: 50 });
    expect(closed.items.map((row) => [row.title, row.closedAt])).toEqual([['B2', minutes(500)]]);
    expect((await ledger.page({ created: { before: minutes(2) } }, { page: 1, pageSize: 50 })).total).toBe(2);
  });

  it('streams every matching row in batches through a cursor, with the filter bound as parameters', async () => {
    const all = await collect(ledger.stream({}, 3));
    expect(all.sizes).toEqual([3, 3, 1]);
    expect(all.rows.map((row) => row.title)).toEqual(titles);
    const u2 = await collect(ledger.stream({ unitId: 'U2', overdue: false }, 2));
    expect(u2.rows.map((row) => row.title)).toEqual(['A2', 'B3']);
  });

  it('gives its connection back when the consumer stops early, and keeps a snapshot while it reads', async () => {
    const batches = ledger.stream({}, 2);
    const first = await batches.next();
    expect(first.value).toHaveLength(2);
    // A change committed after the cursor opened is not seen by this export.
    await database.dataSource.query(`UPDATE findings SET title = 'renamed' WHERE title = 'B4'`);
    const rest = await collect({ [Symbol.asyncIterator]: () => batches });
    expect(rest.rows.map((row) => row.title)).toContain('B4');
    const again = ledger.stream({}, 2);
    await again.next();
    expect(await openExports()).toBe(1);
    await again.return(undefined);
    expect(await openExports()).toBe(0);
  });

  /** Sessions of this test's database left inside a transaction, as an unfinished export is. */
  async function openExports(): Promise<number> {
    const rows = await database.dataSource.query(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    return Number(rows[0].n);
  }
});
