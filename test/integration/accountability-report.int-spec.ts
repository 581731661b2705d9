import type { AccountabilityOutcome, EventType, FindingRecord } from '@reform/contracts';
import { AccountabilityReportQueries, FindingQueries, LedgerQueries, ProjectionStore, type Within } from '@reform/persistence';
import { aCase, aFinding, anEvent } from '../support/projection-records';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The fixture's short interview names as the uuids interviews are keyed by. */
const interviewUuid = (name: string) => `00000000-0000-4000-8000-${name.replace(/\D/g, '').padStart(12, '0')}`;

/**
 * A hand-checked fixture for the 约谈 and 问责 statistics. The period is March 2026 in Beijing:
 * [2026-02-28 16:00, 2026-03-31 16:00) UTC. U1 lies in OFFICE-1's jurisdiction, U3 only through
 * what OFFICE-1 tracks, U2 outside it.
 *
 *  finding unit  decision (UTC)                 outcome (decided_at UTC)
 *  a1      U1    REFERRED 2026-03-10 02:00      leader 诫勉, 形态 2, 2026-03-31 17:00 * (April in Beijing)
 *  a2      U1    REJECTED 2026-03-15 02:00
 *  a3      U2    REFERRED 2026-02-28 16:30 *    organisation 通报, 形态 1, 2026-03-20 02:00
 *  a4      U3    REFERRED 2026-03-05 02:00      leader 纪律处分, 形态 3, 2026-03-25 02:00     (tracked by OFFICE-1)
 *  a5      U2    REFERRED 2026-05-01 02:00
 *
 *  interview unit  proposed (UTC)          status     overdue  tracked by
 *  i1        U1    2026-03-02 02:00        HELD       no
 *  i2        U1    2026-03-20 02:00        PROPOSED   yes
 *  i3        U2    2026-02-28 16:30 *      SCHEDULED  yes
 *  i4        U3    2026-03-10 02:00        HELD       no       OFFICE-1
 *  i5        U2    2026-04-05 02:00        HELD       no
 *
 *  * already the next day in Beijing (UTC+8).
 */
const MARCH = { from: '2026-02-28T16:00:00.000Z', before: '2026-03-31T16:00:00.000Z' };
const OFFICE_1: Within = { unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] };
const utc = (text: string) => `${text.replace(' ', 'T')}:00.000Z`;

const outcome = (overrides: Partial<AccountabilityOutcome>): AccountabilityOutcome => ({
  target: 'leader',
  personName: '刘局长',
  form: '诫勉',
  decidedBy: '县委',
  decisionDocNo: '县委〔2026〕5号',
  decidedAt: utc('2026-03-31 17:00'),
  fourForm: 2,
  ...overrides,
});

const FINDINGS: Array<{ key: string; unit: string; decision: [EventType, string]; outcome?: AccountabilityOutcome; trackedBy?: string }> = [
  { key: 'a1', unit: 'U1', decision: ['ACCOUNTABILITY_REFERRED', '2026-03-10 02:00'], outcome: outcome({}) },
  { key: 'a2', unit: 'U1', decision: ['ACCOUNTABILITY_REJECTED', '2026-03-15 02:00'] },
  {
    key: 'a3',
    unit: 'U2',
    decision: ['ACCOUNTABILITY_REFERRED', '2026-02-28 16:30'],
    outcome: outcome({ target: 'organisation', personName: null, form: '通报', fourForm: 1, decidedAt: utc('2026-03-20 02:00') }),
  },
  {
    key: 'a4',
    unit: 'U3',
    trackedBy: 'OFFICE-1',
    decision: ['ACCOUNTABILITY_REFERRED', '2026-03-05 02:00'],
    outcome: outcome({ form: '纪律处分', fourForm: 3, decidedAt: utc('2026-03-25 02:00') }),
  },
  { key: 'a5', unit: 'U2', decision: ['ACCOUNTABILITY_REFERRED', '2026-05-01 02:00'] },
];

const INTERVIEWS: Array<[id: string, unit: string, proposed: string, status: string, overdue: boolean, trackedBy: string | null]> = [
  ['i1', 'U1', '2026-03-02 02:00', 'HELD', false, null],
  ['i2', 'U1', '2026-03-20 02:00', 'PROPOSED', true, null],
  ['i3', 'U2', '2026-02-28 16:30', 'SCHEDULED', true, null],
  ['i4', 'U3', '2026-03-10 02:00', 'HELD', false, 'OFFICE-1'],
  ['i5', 'U2', '2026-04-05 02:00', 'HELD', false, null],
];

const zeroForms = { 检查: 0, 通报: 0, 改组: 0, 通报批评: 0, 诫勉: 0, 组织调整: 0, 组织处理: 0, 纪律处分: 0 };

describe('the accountability report (约谈 and 问责) over a hand-checked fixture (PostgreSQL)', () => {
  let database: TestDatabase;
  let report: AccountabilityReportQueries;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    report = new AccountabilityReportQueries(database.dataSource);
    const opened = aCase();
    const findings: FindingRecord[] = FINDINGS.map((row) => {
      const finding = aFinding(opened.id, {
        unitId: row.unit,
        trackingOfficeId: row.trackedBy ?? null,
        escalationLevel: 3,
        overdue: true,
        status: 'RECTIFYING',
        accountability: row.outcome ? 'decided' : row.decision[0] === 'ACCOUNTABILITY_REJECTED' ? 'rejected' : 'referred',
        accountabilityOutcome: row.outcome ?? null,
        version: row.outcome ? 3 : 2,
      });
      ids[row.key] = finding.id;
      return finding;
    });
    const events = findings.flatMap((finding, index) => {
      const entity = { id: finding.id, caseId: opened.id, type: 'finding' as const };
      const { decision, outcome: decided } = FINDINGS[index];
      return [
        anEvent(entity, 1),
        anEvent(entity, 2, { type: decision[0], at: utc(decision[1]), data: { comment: '' } }),
        ...(decided ? [anEvent(entity, 3, { type: 'ACCOUNTABILITY_DECIDED', at: utc('2026-04-02 02:00'), data: { ...decided } })] : []),
      ];
    });
    await new ProjectionStore(database.dataSource).caseOpened({ case: opened, year: 2026, findings, events });
    for (const [id, unit, proposed, status, overdue, trackedBy] of INTERVIEWS) {
      await database.dataSource.query(
        `INSERT INTO interviews (id, unit_id, status, proposed_at, due_at, overdue, tracking_office_id, version, updated_at)
         VALUES ($1, $2, $3, $4, $4::timestamptz + interval '7 days', $5, $6, 1, $4)`,
        [interviewUuid(id), unit, status, utc(proposed), overdue, trackedBy],
      );
    }
  });
  afterAll(() => database?.drop());

  it('keeps the outcome on the finding row: read back by the finding queries and shown in the ledger', async () => {
    const a1 = await new FindingQueries(database.dataSource).findById(ids['a1']);
    expect(a1).toMatchObject({ accountability: 'decided', accountabilityOutcome: FINDINGS[0].outcome });
    expect((await new FindingQueries(database.dataSource).findById(ids['a2']))?.accountabilityOutcome).toBeNull();
    const ledger = await new LedgerQueries(database.dataSource).page({}, { page: 1, pageSize: 10 });
    const byId = new Map(ledger.items.map((row) => [row.findingId, row]));
    expect(byId.get(ids['a3'])).toMatchObject({ accountabilityForm: '通报', fourForm: 1 });
    expect(byId.get(ids['a2'])).toMatchObject({ accountabilityForm: null, fourForm: null });
  });

  it('counts March in Beijing: interviews by proposal, referrals by their decision, outcomes by decision date — the edges as Beijing has them', async () => {
    expect(await report.report({ period: MARCH })).toEqual({
      interviews: { proposed: 4, held: 2, overdue: 2 },
      accountability: {
        referred: 3,
        rejected: 1,
        decided: 2,
        byForm: { ...zeroForms, 通报: 1, 纪律处分: 1 },
        byFourForm: { '1': 1, '2': 0, '3': 1, '4': 0 },
      },
      byUnit: [
        { unitId: 'U1', unitName: null, interviews: 2, decided: 0 },
        { unitId: 'U2', unitName: null, interviews: 1, decided: 1 },
        { unitId: 'U3', unitName: null, interviews: 1, decided: 1 },
      ],
    });
  });

  it('counts everything without a period', async () => {
    expect(await report.report({})).toMatchObject({
      interviews: { proposed: 5, held: 3, overdue: 2 },
      accountability: {
        referred: 4,
        rejected: 1,
        decided: 3,
        byForm: { ...zeroForms, 诫勉: 1, 通报: 1, 纪律处分: 1 },
        byFourForm: { '1': 1, '2': 1, '3': 1, '4': 0 },
      },
      byUnit: [
        { unitId: 'U1', interviews: 2, decided: 1 },
        { unitId: 'U2', interviews: 2, decided: 1 },
        { unitId: 'U3', interviews: 1, decided: 1 },
      ],
    });
  });

  it('moves a bound by a minute and the count follows', async () => {
    const later = await report.report({ period: { from: '2026-02-28T16:31:00.000Z', before: '2026-03-31T17:01:00.000Z' } });
    // i3 and a3's referral fall out at the start; a1's outcome comes in at the end.
    expect(later.interviews.proposed).toBe(3);
    expect(later.accountability).toMatchObject({ referred: 2, decided: 3, byFourForm: { '1': 1, '2': 1, '3': 1, '4': 0 } });
  });

  it("covers an office's jurisdiction: its units' interviews and findings, and those it tracks", async () => {
    expect(await report.report({ period: MARCH, within: [OFFICE_1] })).toEqual({
      interviews: { proposed: 3, held: 2, overdue: 1 },
      accountability: {
        referred: 2,
        rejected: 1,
        decided: 1,
        byForm: { ...zeroForms, 纪律处分: 1 },
        byFourForm: { '1': 0, '2': 0, '3': 1, '4': 0 },
      },
      byUnit: [
        { unitId: 'U1', unitName: null, interviews: 2, decided: 0 },
        { unitId: 'U3', unitName: null, interviews: 1, decided: 1 },
      ],
    });
  });

  it('narrows to every jurisdiction given at once (a caller inside one asking for a smaller one), and to one unit', async () => {
    const onlyU1: Within = { unitIds: ['U1'], trackingOfficeIds: [] };
    expect((await report.report({ period: MARCH, within: [OFFICE_1, onlyU1] })).byUnit.map((unit) => unit.unitId)).toEqual(['U1']);
    expect(await report.report({ period: MARCH, unitId: 'U2' })).toMatchObject({
      interviews: { proposed: 1, held: 0, overdue: 1 },
      accountability: { referred: 1, rejected: 0, decided: 1, byFourForm: { '1': 1, '2': 0, '3': 0, '4': 0 } },
      byUnit: [{ unitId: 'U2', interviews: 1, decided: 1 }],
    });
    const nobody: Within = { unitIds: [], trackingOfficeIds: [] };
    expect(await report.report({ within: [nobody] })).toMatchObject({
      interviews: { proposed: 0, held: 0, overdue: 0 },
      accountability: { referred: 0, rejected: 0, decided: 0 },
      byUnit: [],
    });
  });

  it('keeps one open interview per unit (the index both branches create)', async () => {
    await expect(
      database.dataSource.query(
        `INSERT INTO interviews (id, unit_id, status, proposed_at, due_at, version, updated_at)
         VALUES ('${interviewUuid('i6')}', 'U1', 'SCHEDULED', now(), now(), 1, now())`,
      ),
    ).rejects.toThrow(/interviews_one_open_per_unit/);
  });
});
