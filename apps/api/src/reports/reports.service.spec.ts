import type { AppConfigService } from '@reform/config';
import type { Principal } from '@reform/contracts';
import type {
  AccountabilityReportFilter,
  AccountabilityReportQueries,
  RecommendationQueries,
  ReportAnalyticsQueries,
  ReportQueries,
  TrendRequest,
} from '@reform/persistence';
import { InvalidInputError } from '../errors/invalid-input.error';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { ReportsService } from './reports.service';

const supervisor: Principal = { id: 's1', name: 'Sup', roles: ['supervisor'] };
const UNITS = [ROOT, orgUnit('OFFICE-1', 'office', 'ROOT'), orgUnit('U1', 'unit', 'OFFICE-1'), orgUnit('U2', 'unit', 'ROOT')];
const OFFICE_1 = { everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] };

function setUp() {
  const trends: TrendRequest[] = [];
  const analytics = {
    trend: jest.fn(async (request: TrendRequest) => {
      trends.push(request);
      return [];
    }),
  } as unknown as ReportAnalyticsQueries;
  const reports = { summary: jest.fn(async () => ({})) } as unknown as ReportQueries;
  const config = { workingDays: { timeZone: 'Asia/Shanghai' } } as unknown as AppConfigService;
  const asked: AccountabilityReportFilter[] = [];
  const accountability = {
    report: jest.fn(async (filter: AccountabilityReportFilter) => {
      asked.push(filter);
      return { interviews: { proposed: 0, held: 0, overdue: 0 }, accountability: {}, byUnit: [] };
    }),
  } as unknown as AccountabilityReportQueries;
  const service = new ReportsService(reports, analytics, config, registerOf(UNITS).scope, {} as RecommendationQueries, accountability);
  return { service, trends, reports, asked };
}

describe('ReportsService', () => {
  beforeAll(() => jest.useFakeTimers({ now: new Date('2026-11-30T17:00:00Z'), doNotFake: ['setImmediate', 'nextTick'] }));
  afterAll(() => jest.useRealTimers());

  it('trends over the twelve months up to now in Beijing by default', async () => {
    const { service, trends } = setUp();
    expect(await service.trend({}, supervisor)).toEqual({ timeZone: 'Asia/Shanghai', months: [] });
    // 17:00 UTC on Nov 30 is already December 1 in Beijing.
    expect(trends[0]).toEqual({
      fromMonth: '2026-01',
      toMonth: '2026-12',
      timeZone: 'Asia/Shanghai',
      slice: { unitId: undefined, within: undefined },
    });
  });

  it('trends over the months of from..to, of one unit', async () => {
    const { service, trends } = setUp();
    await service.trend({ from: '2025-11-15', to: '2026-02-01', unitId: 'U1' }, supervisor);
    expect(trends[0]).toMatchObject({ fromMonth: '2025-11', toMonth: '2026-02', slice: { unitId: 'U1' } });
  });

  it('refuses from after to, and more than ten years', async () => {
    const { service } = setUp();
    await expect(service.trend({ from: '2026-05-01', to: '2026-04-30' }, supervisor)).rejects.toThrow(InvalidInputError);
    await expect(service.trend({ from: '2010-01-01', to: '2026-01-01' }, supervisor)).rejects.toThrow(/at most 120 months/);
  });

  it('summarises findings recorded on the days from..to in Beijing', async () => {
    const { service, reports } = setUp();
    await service.summary({ from: '2026-01-01', to: '2026-03-31', unitId: 'U1' }, supervisor);
    expect(reports.summary).toHaveBeenCalledWith({
      created: { from: '2025-12-31T16:00:00.000Z', before: '2026-03-31T16:00:00.000Z' },
      unitId: 'U1',
      within: undefined,
    });
  });

  it("covers the caller's jurisdiction, narrowed to the org unit asked for", async () => {
    const { service, reports, trends } = setUp();
    await service.summary({}, { ...supervisor, orgUnitId: 'OFFICE-1' });
    expect(reports.summary).toHaveBeenLastCalledWith({ created: undefined, unitId: undefined, within: [OFFICE_1] });
    await service.trend({ orgUnitId: 'OFFICE-1', rollup: 'true' }, supervisor);
    expect(trends[0].slice).toEqual({ unitId: undefined, within: [OFFICE_1] });
  });

  it('counts interviews and accountability over the days from..to in Beijing, within the org unit asked for', async () => {
    const { service, asked } = setUp();
    const report = await service.accountability({ from: '2026-01-01', to: '2026-03-31', orgUnitId: 'OFFICE-1' }, supervisor);
    expect(report).toMatchObject({ from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z', byUnit: [] });
    expect(asked[0]).toEqual({
      period: { from: '2025-12-31T16:00:00.000Z', before: '2026-03-31T16:00:00.000Z' },
      unitId: undefined,
      within: [OFFICE_1],
    });
    await service.accountability({}, { ...supervisor, orgUnitId: 'OFFICE-1' });
    expect(asked[1]).toEqual({ period: undefined, unitId: undefined, within: [OFFICE_1] });
    await expect(service.accountability({ orgUnitId: 'OFFICE-9' }, supervisor)).rejects.toMatchObject({ field: 'orgUnitId' });
    expect(asked).toHaveLength(2);
  });

  it('refuses (400, naming orgUnitId) an org unit the register does not have, without asking the database', async () => {
    const { service, reports, trends } = setUp();
    await expect(service.summary({ orgUnitId: 'OFFICE-9' }, supervisor)).rejects.toMatchObject({
      field: 'orgUnitId',
      message: 'orgUnitId: unknown org unit "OFFICE-9"',
    });
    expect(reports.summary).not.toHaveBeenCalled();
    await expect(service.trend({ orgUnitId: 'OFFICE-9' }, supervisor)).rejects.toBeInstanceOf(InvalidInputError);
    expect(trends).toEqual([]);
  });

  it("reports nothing for a unit outside the caller's scope, without asking the database", async () => {
    const { service, reports } = setUp();
    const unitUser = { id: 'unit-1', name: 'unit-1', roles: ['unit' as const], unitId: 'U1' };
    expect(await service.summary({ unitId: 'U2' }, unitUser)).toMatchObject({ findings: { total: 0 }, byUnit: [] });
    expect(reports.summary).not.toHaveBeenCalled();
  });
});
