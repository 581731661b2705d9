import type { OverdueAgeing } from '../../api/types';
import { useApp } from '../../app-context';
import { useLive } from '../../hooks/use-live';
import { useI18n } from '../../i18n/i18n';
import type { Dict } from '../../i18n/zh';
import { ChartFigure, type ChartTable } from '../../ui/chart-figure';
import { AXIS_STYLE, CHART_BASE, CHART_COLOURS } from '../../ui/chart-palette';
import type { ChartOption } from '../../ui/echarts';
import { ReportPanel } from './report-panel';

/** Shortest overdue first, the colour darkening as a finding has waited longer. */
const BUCKETS = [
  { key: 'upTo7', colour: CHART_COLOURS.amber },
  { key: 'upTo30', colour: CHART_COLOURS.red },
  { key: 'upTo90', colour: CHART_COLOURS.darkRed },
  { key: 'over90', colour: CHART_COLOURS.ink },
] as const;

/** Open overdue findings by how many calendar days they are past their deadline. */
export function ageingChart(ageing: OverdueAgeing, d: Dict['dashboard']): { option: ChartOption; table: ChartTable } {
  const option: ChartOption = {
    ...CHART_BASE,
    legend: { show: false },
    xAxis: { type: 'category', data: BUCKETS.map((bucket) => d.ageingBuckets[bucket.key]), ...AXIS_STYLE },
    yAxis: { type: 'value', minInterval: 1, ...AXIS_STYLE },
    series: [
      {
        type: 'bar',
        name: d.count,
        barMaxWidth: 56,
        label: { show: true, position: 'top', color: CHART_COLOURS.ink },
        data: BUCKETS.map((bucket) => ({ value: ageing[bucket.key], itemStyle: { color: bucket.colour } })),
      },
    ],
  };
  const table: ChartTable = {
    head: [d.ageingColumn, d.count],
    rows: [...BUCKETS.map((bucket): [string, number] => [d.ageingBuckets[bucket.key], ageing[bucket.key]]), [d.ageingTotal, ageing.total]],
  };
  return { option, table };
}

export function AgeingChart() {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const live = useLive(() => api.get<OverdueAgeing>('/reports/overdue-ageing'), []);
  return (
    <ReportPanel live={live}>
      {(ageing) => (
        <ChartFigure
          id="ageing-chart"
          title={t.dashboard.ageing}
          caption={t.dashboard.ageingCaption(dateTime(ageing.asOf))}
          {...ageingChart(ageing, t.dashboard)}
        />
      )}
    </ReportPanel>
  );
}
