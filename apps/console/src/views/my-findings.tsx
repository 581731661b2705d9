import type { FindingInCase, FindingView, Page } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { FindingBadges } from '../ui/badges';
import { Countdown } from '../ui/countdown';
import { LiveStatus } from '../ui/live-status';
import { isOverdue } from '../ui/time-left';
import { AwaitingRecommendations } from './awaiting-recommendations';

const MAX_PAGE_SIZE = 200;

/** What the unit still owes, nearest deadline first; closed-out findings after, latest first. */
export function byDeadline<F extends FindingView>(findings: F[]): { open: F[]; closed: F[] } {
  const open = findings.filter((f) => f.status !== 'CLOSED').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const closed = findings
    .filter((f) => f.status === 'CLOSED')
    .sort((a, b) => Date.parse(b.closedAt ?? b.updatedAt) - Date.parse(a.closedAt ?? a.updatedAt));
  return { open, closed };
}

/** 我的整改事项 — a unit's recommendations awaiting it, then its findings with a countdown to each deadline and overdue ones marked. */
export function MyFindings() {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const now = useNow();
  // The API confines a unit user to its own unit: no unitId filter needed (or trusted).
  const live = useLive(() => api.get<Page<FindingInCase>>('/findings', { pageSize: MAX_PAGE_SIZE }), []);
  const { open, closed } = byDeadline(live.data?.items ?? []);

  const list = (findings: FindingInCase[], label: string) => (
    <ul className="cards" aria-label={label}>
      {findings.map((finding) => (
        <li key={finding.id} className={isOverdue(finding, now) ? 'card overdue' : 'card'} data-testid="my-finding">
          <div className="card-head">
            <Link to={`/findings/${finding.id}`}>{finding.title}</Link>
            <FindingBadges finding={finding} />
          </div>
          {/* Two findings may share a title: the case they come from tells them apart. */}
          <div className="finding-case" data-testid="finding-case">
            {t.finding.case}：<span className="code">{finding.caseCode}</span> {finding.caseTitle}
          </div>
          <div className="card-body">
            <span>
              {t.fields.dueAt}：<time dateTime={finding.dueAt}>{dateTime(finding.dueAt)}</time>
            </span>{' '}
            <Countdown finding={finding} now={now} />
          </div>
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="my-title">
      <h1 id="my-title">{t.unit.title}</h1>
      <p className="intro">{t.unit.intro}</p>
      <LiveStatus live={live} />
      <AwaitingRecommendations />
      {live.data && live.data.items.length === 0 && <p>{t.unit.empty}</p>}
      {open.length > 0 && (
        <>
          <h2>
            {t.unit.open} ({open.length})
          </h2>
          {list(open, t.unit.open)}
        </>
      )}
      {closed.length > 0 && (
        <>
          <h2>
            {t.unit.closed} ({closed.length})
          </h2>
          {list(closed, t.unit.closed)}
        </>
      )}
    </section>
  );
}
