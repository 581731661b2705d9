import type { FindingsSummary } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { useUnitName } from '../org/names';
import { BarChart } from '../ui/bar-chart';
import { LiveStatus } from '../ui/live-status';

/** 统计 — the numbers supervisors report upward, and open/closed/overdue by unit as a chart. */
export function Dashboard() {
  const { api } = useApp();
  const { t } = useI18n();
  const unitName = useUnitName();
  const live = useLive(() => api.get<FindingsSummary>('/reports/summary'), []);
  const summary = live.data;
  const series = [
    { key: 'open', label: t.dashboard.open },
    { key: 'closed', label: t.dashboard.closed },
    { key: 'overdue', label: t.dashboard.overdue },
  ];

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t.dashboard.title}</h1>
      <LiveStatus live={live} />
      {summary && (
        <>
          <dl className="tiles">
            <Tile label={t.dashboard.total} value={summary.findings.total} />
            <Tile label={t.dashboard.closed} value={summary.findings.byStatus.CLOSED ?? 0} />
            <Tile label={t.dashboard.overdue} value={summary.findings.overdue} />
            <Tile label={t.dashboard.rate} value={`${(summary.rectificationRate * 100).toFixed(1)}%`} />
          </dl>
          <h2>{t.dashboard.byUnit}</h2>
          {summary.byUnit.length === 0 ? (
            <p>{t.dashboard.empty}</p>
          ) : (
            <BarChart
              title={t.dashboard.chart}
              series={series}
              groups={summary.byUnit.map((unit) => ({
                label: unitName(unit.unitId),
                values: { open: unit.total - unit.closed, closed: unit.closed, overdue: unit.overdue },
              }))}
            />
          )}
          <h2>{t.dashboard.byLevel}</h2>
          <dl className="tiles">
            {[1, 2, 3].map((level) => (
              <Tile key={level} label={t.level[level]} value={summary.findings.byEscalationLevel[String(level)] ?? 0} />
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

function Tile({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
