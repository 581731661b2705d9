import type { EventType, FindingRecord } from '@reform/contracts';
import { ProjectionStore, ReportAnalyticsQueries, ReportQueries } from '@reform/persistence';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * A hand-checked fixture: ten findings of two units, with times chosen around the edges that matter
 * (months that differ between UTC and Beijing, ageing exactly on 30 and 90 days). Every expected
 * number below was worked out by hand from this table.
 *
 *      unit  created (UTC)        due (UTC)            status            overdue closed (UTC)         OVERDUE events (UTC)
 *  f1  U1    2026-01-10 02:00     2026-02-01           CLOSED            no      2026-01-20 02:00 (10 d)
 *  f2  U1    2026-01-31 17:00 *   2026-03-01           CLOSED            no      2026-02-28 17:00 * (28 d)
 *  f3  U1    2026-02-10 02:00     2026-02-28 16:30     CLOSED            no      2026-04-01 02:00 (50 d)  2026-02-28 16:30 *
 *  f4  U1    2026-03-01 02:00     2026-06-10 04:00     RECTIFYING        yes                          2026-06-10 04:00
 *  f5  U1    2026-03-05 02:00     2026-05-16 04:00     RECTIFYING        yes                          2026-05-16 04:00
 *  f6  U2    2026-02-15 02:00     2026-03-01           CLOSED            no      2026-02-17 02:00 (2 d)
 *  f7  U2    2026-03-10 02:00     2026-03-17 04:00     REPORT_SUBMITTED  yes                          2026-03-17 04:00
 *  f8  U2    2026-01-05 02:00     2026-01-20 04:00     ASSIGNED          yes                          2026-01-20 04:00, 2026-01-25 04:00
 *  f9  U2    2026-04-01 02:00     2026-07-01           ASSIGNED          no
 *  f10 U2    2026-06-01 02:00     2026-06-07 04:00     PLAN_SUBMITTED    yes                          2026-06-07 04:00
 *
 *  * already the next month in Beijing (UTC+8).  Ageing is taken at 2026-06-15 04:00 UTC.
 *  f1 alone is tracked (跟踪单位) by the office OFFICE-1.
 */
const AS_OF = '2026-06-15T04:00:00.000Z';
const TZ = 'Asia/Shanghai';

interface Row {
  key: string;
  unit: string;
  created: string;
  due: string;
  status: FindingRecord['status'];
  overdue: boolean;
  closed?: string;
  overdueAt?: string[];
  trackedBy?: string;
}

const utc = (text: string) => (text.length === 10 ? `${text}T00:00:00.000Z` : `${text.replace(' ', 'T')}:00.000Z`);

const TABLE: Row[] = [
  {
    key: 'f1',
    unit: 'U1',
    created: '2026-01-10 02:00',
    due: '2026-02-01',
    status: 'CLOSED',
    overdue: false,
    closed: '2026-01-20 02:00',
    trackedBy: 'OFFICE-1',
  },
  { key: 'f2', unit: 'U1', created: '2026-01-31 17:00', due: '2026-03-01', status: 'CLOSED', overdue: false, closed: '2026-02-28 17:00' },
  {
    key: 'f3',
    unit: 'U1',
    created: '2026-02-10 02:00',
    due: '2026-02-28 16:30',
    status: 'CLOSED',
    overdue: false,
    closed: '2026-04-01 02:00',
    overdueAt: ['2026-02-28 16:30'],
  },
  {
    key: 'f4',
    unit: 'U1',
    created: '2026-03-01 02:00',
    due: '2026-06-10 04:00',
    status: 'RECTIFYING',
    overdue: true,
    overdueAt: ['2026-06-10 04:00'],
  },
  {
    key: 'f5',
    unit: 'U1',
    created: '2026-03-05 02:00',
    due: '2026-05-16 04:00',
    status: 'RECTIFYING',
    overdue: true,
    overdueAt: ['2026-05-16 04:00'],
  },
  { key: 'f6', unit: 'U2', created: '2026-02-15 02:00', due: '2026-03-01', status: 'CLOSED', overdue: false, closed: '2026-02-17 02:00' },
  {
    key: 'f7',
    unit: 'U2',
    created: '2026-03-10 02:00',
    due: '2026-03-17 04:00',
    status: 'REPORT_SUBMITTED',
    overdue: true,
    overdueAt: ['2026-03-17 04:00'],
  },
  {
    key: 'f8',
    unit: 'U2',
    created: '2026-01-05 02:00',
    due: '2026-01-20 04:00',
    status: 'ASSIGNED',
    overdue: true,
    overdueAt: ['2026-01-20 04:00', '2026-01-25 04:00'],
  },
  { key: 'f9', unit: 'U2', created: '2026-04-01 02:00', due: '2026-07-01', status: 'ASSIGNED', overdue: false },
  {
    key: 'f10',
    unit: 'U2',
    created: '2026-06-01 02:00',
    due: '2026-06-07 04:00',
    status: 'PLAN_SUBMITTED',
    overdue: true,
    overdueAt: ['2026-06-07 04:00'],
  },
];

/** Beijing-day bounds as the API passes them: [from 00:00+08, day after `to` 00:00+08). */
const beijingDays = (from: string, to: string) => ({
  from: new Date(`${from}T00:00:00+08:00`).toISOString(),
  before: new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString(),
});

describe('reports over a hand-checked fixture (PostgreSQL)', () => {
  let database: TestDatabase;
  let reports: ReportQueries;
  let analytics: ReportAnalyticsQueries;

  beforeAll(async () => {
    database = await createTestDatabase();
    reports = new ReportQueries(database.dataSource);
    analytics = new ReportAnalyticsQueries(database.dataSource);
    const opened = aCase({ createdAt: utc('2026-01-05 02:00') });
    const findings = TABLE.map((row) =>
      aFinding(opened.id, {
        unitId: row.unit,
        trackingOfficeId: row.trackedBy ?? null,
        createdAt: utc(row.created),
        updatedAt: utc(row.closed ?? row.created),
        dueAt: utc(row.due),
        status: row.status,
        overdue: row.overdue,
        escalationLevel: row.overdue ? 1 : 0,
        closedAt: row.closed ? utc(row.closed) : null,
      }),
    );
    const events = findings.flatMap((finding, index) => {
      const entity = { id: finding.id, caseId: opened.id, type: 'finding' as const };
      const later: Array<[EventType, string]> = (TABLE[index].overdueAt ?? []).flatMap(
        (at): Array<[EventType, string]> => [
          ['OVERDUE', utc(at)],
          ['ESCALATED', utc(at)],
        ],
      );
      return [anEvent(entity, 1, { at: finding.createdAt }), ...later.map(([type, at], i) => anEvent(entity, i + 2, { type, at }))];
    });
    await new ProjectionStore(database.dataSource).caseOpened({ case: opened, year: 2026, findings, events });
  });
  afterAll(() => database?.drop());

  it('trend: opened, closed and gone-overdue findings per Beijing month, empty months included', async () => {
    expect(await analytics.trend({ fromMonth: '2026-01', toMonth: '2026-07', timeZone: TZ })).toEqual([
      { month: '2026-01', opened: 2, closed: 1, overdue: 1 },
      { month: '2026-02', opened: 3, closed: 1, overdue: 0 },
      { month: '2026-03', opened: 3, closed: 1, overdue: 2 },
      { month: '2026-04', opened: 1, closed: 1, overdue: 0 },
      { month: '2026-05', opened: 0, closed: 0, overdue: 1 },
      { month: '2026-06', opened: 1, closed: 0, overdue: 2 },
      { month: '2026-07', opened: 0, closed: 0, overdue: 0 },
    ]);
  });

  it('trend: of one unit, and counted in UTC months when that is the business zone', async () => {
    const u2 = await analytics.trend({ fromMonth: '2026-01', toMonth: '2026-06', timeZone: TZ, slice: { unitId: 'U2' } });
    expect(u2.map((m) => [m.month, m.opened, m.closed, m.overdue])).toEqual([
      ['2026-01', 1, 0, 1],
      ['2026-02', 1, 1, 0],
      ['2026-03', 1, 0, 1],
      ['2026-04', 1, 0, 0],
      ['2026-05', 0, 0, 0],
      ['2026-06', 1, 0, 1],
    ]);
    const inUtc = await analytics.trend({ fromMonth: '2026-01', toMonth: '2026-03', timeZone: 'UTC', slice: { unitId: 'U1' } });
    // f2 opens in January and closes in February by UTC; f3 goes overdue in February.
    expect(inUtc.map((m) => [m.month, m.opened, m.closed, m.overdue])).toEqual([
      ['2026-01', 2, 1, 0],
      ['2026-02', 1, 1, 1],
      ['2026-03', 2, 0, 0],
    ]);
  });

  it('overdue ageing: open overdue findings by days past the deadline, the boundaries inclusive', async () => {
    expect(await analytics.overdueAgeing(AS_OF)).toEqual({
      asOf: AS_OF,
      upTo7: 1,
      upTo30: 2,
      upTo90: 1,
      over90: 1,
      total: 5,
      byUnit: [
        { unitId: 'U1', upTo7: 1, upTo30: 1, upTo90: 0, over90: 0, total: 2 },
        { unitId: 'U2', upTo7: 0, upTo30: 1, upTo90: 1, over90: 1, total: 3 },
      ],
    });
    expect(await analytics.overdueAgeing(AS_OF, { unitId: 'U1' })).toMatchObject({ total: 2, byUnit: [{ unitId: 'U1' }] });
  });

  it('time to close: percentiles of days from recording to close-out, overall and by unit', async () => {
    expect(await analytics.timeToClose({})).toEqual({
      closed: 4,
      p50Days: 19,
      p75Days: 33.5,
      p90Days: 43.4,
      byUnit: [
        { unitId: 'U1', closed: 3, p50Days: 28, p75Days: 39, p90Days: 45.6 },
        { unitId: 'U2', closed: 1, p50Days: 2, p75Days: 2, p90Days: 2 },
      ],
    });
    // Closed in February by Beijing time: f6 (Feb 17) only; f2 closed on Mar 1 in Beijing.
    expect(await analytics.timeToClose(beijingDays('2026-02-01', '2026-02-28'))).toMatchObject({ closed: 1, p50Days: 2 });
    expect(await analytics.timeToClose({}, { unitId: 'NOBODY' })).toEqual({
      closed: 0,
      p50Days: null,
      p75Days: null,
      p90Days: null,
      byUnit: [],
    });
  });

  it('within a jurisdiction: the findings of its units and those its offices track, in every report', async () => {
    // U2's five findings, and f1 of U1 because OFFICE-1 tracks it.
    const within = [{ unitIds: ['U2'], trackingOfficeIds: ['OFFICE-1'] }];
    const trend = await analytics.trend({ fromMonth: '2026-01', toMonth: '2026-02', timeZone: TZ, slice: { within } });
    expect(trend).toEqual([
      { month: '2026-01', opened: 2, closed: 1, overdue: 1 },
      { month: '2026-02', opened: 1, closed: 1, overdue: 0 },
    ]);
    expect(await analytics.overdueAgeing(AS_OF, { within })).toMatchObject({ total: 3, byUnit: [{ unitId: 'U2', total: 3 }] });
    expect(await analytics.timeToClose({}, { within })).toMatchObject({
      closed: 2,
      p50Days: 6,
      byUnit: [
        { unitId: 'U1', closed: 1, p50Days: 10 },
        { unitId: 'U2', closed: 1, p50Days: 2 },
      ],
    });
    expect((await reports.summary({ within })).findings.total).toBe(6);
    // A unit asked for inside the jurisdiction narrows it; one outside it leaves nothing.
    expect(await analytics.timeToClose({}, { unitId: 'U1', within })).toMatchObject({ closed: 1, p50Days: 10 });
    expect((await reports.summary({ unitId: 'U1', within: [{ unitIds: ['U2'], trackingOfficeIds: [] }] })).findings.total).toBe(0);
  });

  it('summary: of findings recorded in a period, and of one unit', async () => {
    const quarter = await reports.summary({ created: beijingDays('2026-02-01', '2026-03-31') });
    expect(quarter.findings).toMatchObject({ total: 6, overdue: 3 });
    expect(quarter.findings.byStatus).toMatchObject({ CLOSED: 3, RECTIFYING: 2, REPORT_SUBMITTED: 1, ASSIGNED: 0 });
    expect(quarter.rectificationRate).toBe(0.5);
    expect(quarter.byUnit).toEqual([
      { unitId: 'U1', total: 4, closed: 2, overdue: 2 },
      { unitId: 'U2', total: 2, closed: 1, overdue: 1 },
    ]);
    const u2 = await reports.summary({ unitId: 'U2' });
    expect(u2.findings).toMatchObject({ total: 5, overdue: 3 });
    expect(u2.byUnit).toEqual([{ unitId: 'U2', total: 5, closed: 1, overdue: 3 }]);
    expect((await reports.summary()).findings.total).toBe(10);
  });
});
