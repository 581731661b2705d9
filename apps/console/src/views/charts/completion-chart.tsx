import type { FindingsSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { Dict } from '../../i18n/zh';
import { useUnitName } from '../../org/names';
import { ChartFigure, type ChartTable } from '../../ui/chart-figure';
import { AXIS_STYLE, CHART_BASE, CHART_COLOURS } from '../../ui/chart-palette';
import type { ChartOption } from '../../ui/echarts';

/** closed / total as a percentage to one decimal. */
const percent = (closed: number, total: number) => Math.round((closed / total) * 1000) / 10;

/** Each unit's share of its findings closed out (销号), highest first; a unit with none recorded is left out. */
export function completionChart(
  summary: FindingsSummary,
  d: Dict['dashboard'],
  unitName: (id: string) => string,
): { option: ChartOption; table: ChartTable; rows: number } {
  const units = summary.byUnit
    .filter((unit) => unit.total > 0)
    .map((unit) => ({ name: unitName(unit.unitId), closed: unit.closed, total: unit.total, rate: percent(unit.closed, unit.total) }))
    .sort((a, b) => b.rate - a.rate || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  const option: ChartOption = {
    ...CHART_BASE,
    legend: { show: false },
    yAxis: { type: 'category', data: units.map((unit) => unit.name), inverse: true, ...AXIS_STYLE },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { color: CHART_COLOURS.ink, formatter: '{value}%' },
      splitLine: AXIS_STYLE.splitLine,
    },
    series: [
      {
        type: 'bar',
        name: d.completionRate,
        barMaxWidth: 22,
        itemStyle: { color: CHART_COLOURS.green },
        label: { show: true, position: 'right', color: CHART_COLOURS.ink, formatter: '{c}%' },
        data: units.map((unit) => unit.rate),
      },
    ],
  };
  const table: ChartTable = {
    head: [d.unit, d.closed, d.total, d.completionRate],
    rows: units.map((unit) => [unit.name, unit.closed, unit.total, `${unit.rate}%`]),
  };
  return { option, table, rows: units.length };
}

export function CompletionChart({ summary }: { summary: FindingsSummary }) {
  const { t } = useI18n();
  const unitName = useUnitName();
  const { rows, ...chart } = completionChart(summary, t.dashboard, unitName);
  if (rows === 0) {
    return (
      <section className="chart-panel" aria-labelledby="completion-chart-title" data-testid="completion-chart">
        <h2 id="completion-chart-title">{t.dashboard.completion}</h2>
        <p>{t.dashboard.empty}</p>
      </section>
    );
  }
  return (
    <ChartFigure
      id="completion-chart"
      title={t.dashboard.completion}
      caption={t.dashboard.completionCaption}
      height={60 + rows * 36}
      {...chart}
    />
  );
}
