import type { Trend } from '../../api/types';
import { useApp } from '../../app-context';
import { useLive } from '../../hooks/use-live';
import { useI18n } from '../../i18n/i18n';
import type { Dict } from '../../i18n/zh';
import { ChartFigure, type ChartTable } from '../../ui/chart-figure';
import { AXIS_STYLE, CHART_BASE, CHART_COLOURS } from '../../ui/chart-palette';
import type { ChartOption } from '../../ui/echarts';
import { ReportPanel } from './report-panel';
import { rangeQuery, type MonthRange } from './report-range';

/** The three lines differ in colour, dash and marker, so they can be told apart in black and white too. */
const LINES = [
  { key: 'opened', label: 'opened', colour: CHART_COLOURS.blue, dash: 'solid', symbol: 'circle' },
  { key: 'closed', label: 'closedInMonth', colour: CHART_COLOURS.green, dash: 'dashed', symbol: 'rect' },
  { key: 'overdue', label: 'wentOverdue', colour: CHART_COLOURS.red, dash: 'dotted', symbol: 'triangle' },
] as const;

/** Per month: findings opened, closed out (销号) and gone overdue. */
export function trendChart(trend: Trend, d: Dict['dashboard']): { option: ChartOption; table: ChartTable } {
  const months = trend.months.map((m) => m.month);
  const option: ChartOption = {
    ...CHART_BASE,
    xAxis: { type: 'category', data: months, ...AXIS_STYLE },
    yAxis: { type: 'value', minInterval: 1, ...AXIS_STYLE },
    series: LINES.map((line) => ({
      type: 'line',
      name: d[line.label],
      data: trend.months.map((m) => m[line.key]),
      symbol: line.symbol,
      symbolSize: 7,
      itemStyle: { color: line.colour },
      lineStyle: { color: line.colour, width: 2, type: line.dash },
    })),
  };
  const table: ChartTable = {
    head: [d.month, ...LINES.map((line) => d[line.label])],
    rows: trend.months.map((m) => [m.month, ...LINES.map((line) => m[line.key])]),
  };
  return { option, table };
}

export function TrendChart({ range }: { range: MonthRange }) {
  const { api } = useApp();
  const { t } = useI18n();
  const live = useLive(() => api.get<Trend>('/reports/trend', rangeQuery(range)), [range.from, range.to]);
  return (
    <ReportPanel live={live}>
      {(trend) => (
        <ChartFigure
          id="trend-chart"
          title={t.dashboard.trend}
          caption={t.dashboard.trendCaption(range.from, range.to)}
          {...trendChart(trend, t.dashboard)}
        />
      )}
    </ReportPanel>
  );
}
