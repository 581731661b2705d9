import { FindingQueries, ProjectionStore, ReportQueries } from '@reform/persistence';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * finding_counts (kept by triggers) answers GET /findings' `total` and the summary without a
 * count of the findings table: after every kind of write it must agree with that count.
 */
describe('finding_counts (PostgreSQL)', () => {
  let database: TestDatabase;
  let findings: FindingQueries;
  let reports: ReportQueries;

  beforeAll(async () => {
    database = await createTestDatabase();
    findings = new FindingQueries(database.dataSource);
    reports = new ReportQueries(database.dataSource);
  });
  afterAll(() => database?.drop());

  /** Every key's count as finding_counts holds it and as a count of the table finds it, zeros left out. */
  async function bothCounts(): Promise<[unknown[], unknown[]]> {
    const key = `unit_id, coalesce(tracking_office_id, '') AS office, status, overdue, escalation_level`;
    const order = 'ORDER BY 1, 2, 3, 4, 5';
    return Promise.all([
      database.dataSource.query(`SELECT ${key}, n::int AS n FROM finding_counts WHERE n <> 0 ${order}`),
      database.dataSource.query(`SELECT ${key}, count(*)::int AS n FROM findings GROUP BY 1, 2, 3, 4, 5 ${order}`),
    ]);
  }

  it('follows inserts, updates that move a finding between keys, deletes and TRUNCATE', async () => {
    const store = new ProjectionStore(database.dataSource);
    const opened = aCase();
    const rows = ['U1', 'U2', 'U1', 'U3'].map((unitId, i) =>
      aFinding(opened.id, { unitId, trackingOfficeId: i === 3 ? 'OFFICE' : null, overdue: i === 0 }),
    );
    await store.caseOpened({
      case: opened,
      year: 2026,
      findings: rows,
      events: rows.map((f) => anEvent({ id: f.id, caseId: opened.id, type: 'finding' }, 1)),
    });
    let [kept, counted] = await bothCounts();
    expect(kept).toEqual(counted);
    expect(kept).toHaveLength(4);

    await database.dataSource.query(`UPDATE findings SET status = 'CLOSED', escalation_level = 2 WHERE id = $1`, [rows[0].id]);
    // An update that moves nothing between keys leaves the counts alone.
    await database.dataSource.query(`UPDATE findings SET title = 'renamed' WHERE unit_id = 'U1'`);
    await database.dataSource.query(`DELETE FROM findings WHERE id = $1`, [rows[1].id]);
    [kept, counted] = await bothCounts();
    expect(kept).toEqual(counted);

    const list = await findings.list({ unitId: 'U1' }, { page: 1, pageSize: 50 });
    expect(list.total).toBe(2);
    const within = await findings.list({ within: [{ unitIds: ['U2'], trackingOfficeIds: ['OFFICE'] }] }, { page: 1, pageSize: 50 });
    expect([within.total, within.items.length]).toEqual([1, 1]);
    const summary = await reports.summary();
    expect(summary.findings).toMatchObject({ total: 3, overdue: 1, byStatus: { CLOSED: 1 } });
    expect(summary.byUnit.map((unit) => unit.unitId)).toEqual(['U1', 'U3']);

    await database.dataSource.query('TRUNCATE findings CASCADE');
    [kept, counted] = await bothCounts();
    expect([kept, counted]).toEqual([[], []]);
  });
});
