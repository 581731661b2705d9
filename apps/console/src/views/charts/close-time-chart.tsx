import type { TimeToClose } from '../../api/types';
import { useApp } from '../../app-context';
import { useLive } from '../../hooks/use-live';
import { useI18n } from '../../i18n/i18n';
import type { Dict } from '../../i18n/zh';
import { useUnitName } from '../../org/names';
import { ChartFigure, type ChartTable } from '../../ui/chart-figure';
import { AXIS_STYLE, CHART_BASE, CHART_COLOURS } from '../../ui/chart-palette';
import type { ChartOption } from '../../ui/echarts';
import { ReportPanel } from './report-panel';
import { rangeQuery, type MonthRange } from './report-range';

const PERCENTILES = [
  { key: 'p50Days', label: 'p50', colour: CHART_COLOURS.blue },
  { key: 'p75Days', label: 'p75', colour: CHART_COLOURS.teal },
  { key: 'p90Days', label: 'p90', colour: CHART_COLOURS.red },
] as const;

const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Days from recording to close-out, as percentiles: all units first, then each unit that closed any. */
export function closeTimeChart(
  report: TimeToClose,
  d: Dict['dashboard'],
  unitName: (id: string) => string,
): { option: ChartOption; table: ChartTable; rows: number } {
  const rows = [
    { label: d.allUnits, ...report },
    ...report.byUnit.filter((unit) => unit.closed > 0).map((unit) => ({ label: unitName(unit.unitId), ...unit })),
  ];
  const option: ChartOption = {
    ...CHART_BASE,
    yAxis: { type: 'category', data: rows.map((row) => row.label), inverse: true, ...AXIS_STYLE },
    xAxis: { type: 'value', name: d.days, ...AXIS_STYLE },
    series: PERCENTILES.map((p) => ({
      type: 'bar',
      name: d[p.label],
      itemStyle: { color: p.colour },
      label: { show: true, position: 'right', color: CHART_COLOURS.ink },
      data: rows.map((row) => days(row[p.key])),
    })),
  };
  const table: ChartTable = {
    head: [d.unit, d.closedCount, ...PERCENTILES.map((p) => d[p.label])],
    rows: rows.map((row) => [row.label, row.closed, ...PERCENTILES.map((p) => days(row[p.key]) ?? '—')]),
  };
  return { option, table, rows: rows.length };
}

export function CloseTimeChart({ range }: { range: MonthRange }) {
  const { api } = useApp();
  const { t } = useI18n();
  const unitName = useUnitName();
  const live = useLive(() => api.get<TimeToClose>('/reports/time-to-close', rangeQuery(range)), [range.from, range.to]);
  return (
    <ReportPanel live={live}>
      {(report) => {
        if (report.closed === 0) {
          return (
            <section className="chart-panel" aria-labelledby="close-time-chart-title" data-testid="close-time-chart">
              <h2 id="close-time-chart-title">{t.dashboard.timeToClose}</h2>
              <p>{t.dashboard.noneClosed}</p>
            </section>
          );
        }
        const { rows, ...chart } = closeTimeChart(report, t.dashboard, unitName);
        return (
          <ChartFigure
            id="close-time-chart"
            title={t.dashboard.timeToClose}
            caption={t.dashboard.timeToCloseCaption(range.from, range.to)}
            height={80 + rows * 64}
            {...chart}
          />
        );
      }}
    </ReportPanel>
  );
}
