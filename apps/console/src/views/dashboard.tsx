import { lazy, Suspense } from 'react';
import type { AccountabilityReport, FindingsSummary } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { useUnitName } from '../org/names';
import { LiveStatus } from '../ui/live-status';
import { PrintHeading } from '../ui/print-heading';

// ECharts comes with the charts, apart from the main bundle: other pages do not wait for it.
const ReportCharts = lazy(() => import('./charts/report-charts'));

/** 统计 — the numbers supervisors report upward: tiles, the four charts, escalation and accountability. */
export function Dashboard() {
  const { api } = useApp();
  const { t } = useI18n();
  const live = useLive(() => api.get<FindingsSummary>('/reports/summary'), []);
  const summary = live.data;

  return (
    <section aria-labelledby="dashboard-title">
      <PrintHeading id="dashboard-title" title={t.dashboard.title} />
      <LiveStatus live={live} />
      {summary && (
        <dl className="tiles">
          <Tile label={t.dashboard.total} value={summary.findings.total} />
          <Tile label={t.dashboard.closed} value={summary.findings.byStatus.CLOSED ?? 0} />
          <Tile label={t.dashboard.overdue} value={summary.findings.overdue} />
          <Tile label={t.dashboard.rate} value={`${(summary.rectificationRate * 100).toFixed(1)}%`} />
        </dl>
      )}
      <Suspense fallback={<p className="muted">{t.app.loading}</p>}>
        <ReportCharts summary={summary} />
      </Suspense>
      {summary && (
        <>
          <h2>{t.dashboard.byLevel}</h2>
          <dl className="tiles">
            {[1, 2, 3].map((level) => (
              <Tile key={level} label={t.level[level]} value={summary.findings.byEscalationLevel[String(level)] ?? 0} />
            ))}
          </dl>
        </>
      )}
      <AccountabilityStatistics />
    </section>
  );
}

/** 约谈与问责 — interviews proposed, held and overdue; accountability referred, rejected and decided, by form, by 形态 and by unit. */
function AccountabilityStatistics() {
  const { api } = useApp();
  const { t } = useI18n();
  const unitName = useUnitName();
  const live = useLive(() => api.get<AccountabilityReport>('/reports/accountability'), []);
  const report = live.data;
  const r = t.accountabilityReport;
  if (!report) return <LiveStatus live={live} />;
  const { interviews, accountability } = report;
  return (
    <section aria-labelledby="accountability-report-title" data-testid="accountability-report">
      <h2 id="accountability-report-title">{r.title}</h2>
      <h3>{r.interviews}</h3>
      <dl className="tiles">
        <Tile label={r.proposed} value={interviews.proposed} />
        <Tile label={r.held} value={interviews.held} />
        <Tile label={r.overdue} value={interviews.overdue} />
      </dl>
      <h3>{r.accountability}</h3>
      <dl className="tiles">
        <Tile label={r.referred} value={accountability.referred} />
        <Tile label={r.rejected} value={accountability.rejected} />
        <Tile label={r.decided} value={accountability.decided} />
      </dl>
      <div className="two-columns">
        <CountTable caption={r.byForm} head={t.outcome.form} rows={Object.entries(accountability.byForm)} />
        <CountTable
          caption={r.byFourForm}
          head={t.outcome.fourForm}
          rows={Object.entries(accountability.byFourForm).map(([form, n]) => [t.outcome.fourForms[Number(form)] ?? form, n])}
        />
      </div>
      <h3>{r.byUnit}</h3>
      {report.byUnit.length === 0 ? (
        <p>{r.empty}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{r.byUnit}</caption>
          <thead>
            <tr>
              <th scope="col">{r.unit}</th>
              <th scope="col">{r.interviewsOfUnit}</th>
              <th scope="col">{r.decidedOfUnit}</th>
            </tr>
          </thead>
          <tbody>
            {report.byUnit.map((unit) => (
              <tr key={unit.unitId}>
                <th scope="row">{unit.unitName ?? unitName(unit.unitId)}</th>
                <td>{unit.interviews}</td>
                <td>{unit.decided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: Array<[string, number]> }) {
  const { t } = useI18n();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t.accountabilityReport.count}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
