import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FindingsSummary, OverdueAgeing, TimeToClose, Trend } from '../../api/types';
import { zh } from '../../i18n/zh';
import { fakeApi, renderAs, USERS } from '../../testing/render';
import { Dashboard } from '../dashboard';
import { ageingChart } from './ageing-chart';
import { closeTimeChart } from './close-time-chart';
import { completionChart } from './completion-chart';
import { trendChart } from './trend-chart';

const trend: Trend = {
  timeZone: 'Asia/Shanghai',
  months: [
    { month: '2026-01', opened: 4, closed: 1, overdue: 0 },
    { month: '2026-02', opened: 2, closed: 3, overdue: 2 },
    { month: '2026-03', opened: 0, closed: 1, overdue: 1 },
  ],
};
const ageing: OverdueAgeing = {
  asOf: '2026-03-15T04:00:00.000Z',
  upTo7: 3,
  upTo30: 2,
  upTo90: 1,
  over90: 0,
  total: 6,
  byUnit: [],
};
const closeTimes: TimeToClose = {
  closed: 5,
  p50Days: 12.04,
  p75Days: 20.5,
  p90Days: 31,
  byUnit: [
    { unitId: 'U-FIN', closed: 4, p50Days: 10, p75Days: 18, p90Days: 30 },
    { unitId: 'U-EDU', closed: 0, p50Days: null, p75Days: null, p90Days: null },
  ],
};
const summary: FindingsSummary = {
  findings: { total: 10, byStatus: { CLOSED: 4 } as FindingsSummary['findings']['byStatus'], overdue: 3, byEscalationLevel: {} },
  rectificationRate: 0.4,
  byUnit: [
    { unitId: 'U-FIN', total: 4, closed: 1, overdue: 2 },
    { unitId: 'U-HR', total: 2, closed: 2, overdue: 0 },
    { unitId: 'U-EDU', total: 4, closed: 1, overdue: 1 },
    { unitId: 'U-CG', total: 0, closed: 0, overdue: 0 },
  ],
};
const names: Record<string, string> = { 'U-FIN': '县财政局', 'U-HR': '县人社局', 'U-EDU': '县教育局' };
const unitName = (id: string) => names[id] ?? id;
const d = zh.dashboard;

type Series = { name: string; data: unknown[] };

describe('the 统计 charts: what each draws, from what the API answers', () => {
  it('trend: a line each for opened, closed out and gone overdue, a month on each point; the table the same numbers', () => {
    const { option, table } = trendChart(trend, d);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02', '2026-03']);
    expect((option.series as Series[]).map((s) => [s.name, s.data])).toEqual([
      ['新增', [4, 2, 0]],
      ['销号', [1, 3, 1]],
      ['新逾期', [0, 2, 1]],
    ]);
    expect(table.head).toEqual(['月份', '新增', '销号', '新逾期']);
    expect(table.rows[1]).toEqual(['2026-02', 2, 3, 2]);
  });

  it('overdue ageing: one bar per bucket, shortest first, and the total in the table', () => {
    const { option, table } = ageingChart(ageing, d);
    expect((option.xAxis as { data: string[] }).data).toEqual(['7 天以内', '8–30 天', '31–90 天', '90 天以上']);
    expect((option.series as Array<{ data: Array<{ value: number }> }>)[0].data.map((bar) => bar.value)).toEqual([3, 2, 1, 0]);
    expect(table.rows).toEqual([
      ['7 天以内', 3],
      ['8–30 天', 2],
      ['31–90 天', 1],
      ['90 天以上', 0],
      ['逾期合计', 6],
    ]);
  });

  it('time to close: all units first, then each unit that closed any, by name; days to one decimal', () => {
    const { option, table } = closeTimeChart(closeTimes, d, unitName);
    expect((option.yAxis as { data: string[] }).data).toEqual(['全部单位', '县财政局']);
    expect((option.series as Series[]).map((s) => s.data)).toEqual([
      [12, 10],
      [20.5, 18],
      [31, 30],
    ]);
    expect(table.rows).toEqual([
      ['全部单位', 5, 12, 20.5, 31],
      ['县财政局', 4, 10, 18, 30],
    ]);
  });

  it('completion rate: closed out of total per unit by name, highest first (ties: more findings first), units with none left out', () => {
    const { option, table } = completionChart(summary, d, unitName);
    expect((option.yAxis as { data: string[] }).data).toEqual(['县人社局', '县财政局', '县教育局']);
    expect((option.series as Series[])[0].data).toEqual([100, 25, 25]);
    expect(table.rows).toEqual([
      ['县人社局', 2, 2, '100%'],
      ['县财政局', 1, 4, '25%'],
      ['县教育局', 1, 4, '25%'],
    ]);
  });
});

function reportsApi() {
  return fakeApi({
    'GET /reports/summary': summary,
    'GET /reports/accountability': {
      from: null,
      to: null,
      interviews: { proposed: 0, held: 0, overdue: 0 },
      accountability: { referred: 0, rejected: 0, decided: 0, byForm: {}, byFourForm: { '1': 0, '2': 0, '3': 0, '4': 0 } },
      byUnit: [],
    },
    'GET /reports/trend': trend,
    'GET /reports/overdue-ageing': ageing,
    'GET /reports/time-to-close': closeTimes,
  });
}

describe('Dashboard charts', () => {
  it('draws the four charts as SVG, each with a Chinese title, a caption and its numbers as a table; units by name', async () => {
    renderAs(USERS.supervisor, reportsApi(), <Dashboard />);
    for (const [id, title] of [
      ['trend-chart', '问题新增、销号与逾期趋势'],
      ['ageing-chart', '逾期时长分布'],
      ['close-time-chart', '办结用时'],
      ['completion-chart', '各责任单位整改完成率'],
    ]) {
      const panel = await screen.findByTestId(id);
      expect(within(panel).getByRole('heading', { name: title })).toBeTruthy();
      // The charts' code arrives as its own chunk, after the panel and its table.
      await waitFor(() => expect(panel.querySelector('[data-testid="echart"] svg')).toBeTruthy());
      expect(within(panel).getByRole('figure').getAttribute('aria-labelledby')).toBeTruthy();
      expect(within(panel).getByRole('table', { name: title })).toBeTruthy();
    }
    const completion = within(screen.getByTestId('completion-chart')).getByRole('table');
    await within(completion).findByRole('rowheader', { name: '县人力资源和社会保障局' });
    expect(
      within(completion)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['县人力资源和社会保障局', '县财政局', '县教育局']);
  });

  it('counts the trend and the time to close over the last twelve months by default', async () => {
    const api = reportsApi();
    renderAs(USERS.supervisor, api, <Dashboard />);
    await screen.findByTestId('trend-chart');
    const now = new Date();
    const month = (offset: number) => {
      const at = new Date(now.getFullYear(), now.getMonth() + offset, 1);
      return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
    };
    expect((screen.getByLabelText('起始月份') as HTMLInputElement).value).toBe(month(-11));
    expect((screen.getByLabelText('截止月份') as HTMLInputElement).value).toBe(month(0));
    expect(api.get).toHaveBeenCalledWith('/reports/trend', expect.objectContaining({ from: `${month(-11)}-01` }));
  });

  it('takes the period from the address, and keeps a new one there', async () => {
    window.history.replaceState(null, '', '/dashboard?from=2025-12&to=2026-02');
    const api = reportsApi();
    renderAs(USERS.supervisor, api, <Dashboard />);
    await screen.findByTestId('trend-chart');
    expect(api.get).toHaveBeenCalledWith('/reports/trend', { from: '2025-12-01', to: '2026-02-28' });
    expect(api.get).toHaveBeenCalledWith('/reports/time-to-close', { from: '2025-12-01', to: '2026-02-28' });
    expect(screen.getByTestId('trend-chart').textContent).toContain('2025-12 至 2026-02');

    fireEvent.change(screen.getByLabelText('起始月份'), { target: { value: '2024-02' } });
    fireEvent.change(screen.getByLabelText('截止月份'), { target: { value: '2024-03' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(window.location.search).toBe('?from=2024-02&to=2024-03');
    await waitFor(() => expect(api.get).toHaveBeenCalledWith('/reports/trend', { from: '2024-02-01', to: '2024-03-31' }));
  });
});
