import type { AppConfigService } from '@reform/config';
import type { ReportAnalyticsQueries, ReportQueries, TrendRequest } from '@reform/persistence';
import { InvalidInputError } from '../errors/invalid-input.error';
import { ReportsService } from './reports.service';

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
  return { service: new ReportsService(reports, analytics, config), trends, reports };
}

describe('ReportsService', () => {
  beforeAll(() => jest.useFakeTimers({ now: new Date('2026-11-30T17:00:00Z'), doNotFake: ['setImmediate', 'nextTick'] }));
  afterAll(() => jest.useRealTimers());

  it('trends over the twelve months up to now in Beijing by default', async () => {
    const { service, trends } = setUp();
    expect(await service.trend({})).toEqual({ timeZone: 'Asia/Shanghai', months: [] });
    // 17:00 UTC on Nov 30 is already December 1 in Beijing.
    expect(trends[0]).toEqual({ fromMonth: '2026-01', toMonth: '2026-12', timeZone: 'Asia/Shanghai', unitId: undefined });
  });

  it('trends over the months of from..to, of one unit', async () => {
    const { service, trends } = setUp();
    await service.trend({ from: '2025-11-15', to: '2026-02-01', unitId: 'U1' });
    expect(trends[0]).toMatchObject({ fromMonth: '2025-11', toMonth: '2026-02', unitId: 'U1' });
  });

  it('refuses from after to, and more than ten years', async () => {
    const { service } = setUp();
    await expect(service.trend({ from: '2026-05-01', to: '2026-04-30' })).rejects.toThrow(InvalidInputError);
    await expect(service.trend({ from: '2010-01-01', to: '2026-01-01' })).rejects.toThrow(/at most 120 months/);
  });

  it('summarises findings recorded on the days from..to in Beijing', async () => {
    const { service, reports } = setUp();
    await service.summary({ from: '2026-01-01', to: '2026-03-31', unitId: 'U1' });
    expect(reports.summary).toHaveBeenCalledWith({
      created: { from: '2025-12-31T16:00:00.000Z', before: '2026-03-31T16:00:00.000Z' },
      unitId: 'U1',
    });
  });
});
