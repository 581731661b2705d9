import { useState } from 'react';
import type { RecommendationPage, RecommendationStatus } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { hasRole } from '../session';
import { LiveStatus } from '../ui/live-status';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { RecommendationTable } from './recommendation-table';

const PAGE_SIZE = 20;
export const RECOMMENDATION_STATUSES: RecommendationStatus[] = ['DRAFT', 'PENDING_SIGNOFF', 'ISSUED', 'RECEIVED', 'REPLIED', 'CLOSED'];

/** 建议书列表 — newest first as the API lists them, by status, unit and overdue; overdue rows red. */
export function RecommendationList() {
  const { api, user } = useApp();
  const { t } = useI18n();
  const now = useNow();
  const [status, setStatus] = useState<RecommendationStatus | ''>('');
  const [unitId, setUnitId] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const live = useLive(
    () => api.get<RecommendationPage>('/recommendations', { status, unitId, overdue: overdue || undefined, page, pageSize: PAGE_SIZE }),
    [status, unitId, overdue, page],
  );
  const pages = Math.max(1, Math.ceil((live.data?.total ?? 0) / PAGE_SIZE));
  // Every filter change starts again from the first page.
  const refilter = (change: () => void) => {
    change();
    setPage(1);
  };

  return (
    <section aria-labelledby="recs-title">
      <h1 id="recs-title">{t.rec.listTitle}</h1>
      <p className="intro">{t.rec.listIntro}</p>
      <div className="toolbar">
        <label>
          {t.rec.status}{' '}
          <select value={status} onChange={(e) => refilter(() => setStatus(e.target.value as RecommendationStatus | ''))}>
            <option value="">{t.any}</option>
            {RECOMMENDATION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t.recStatus[value]}
              </option>
            ))}
          </select>
        </label>
        {/* A unit sees its own only: the API confines it, no picker needed. */}
        {!hasRole(user, 'unit') && (
          <label>
            {t.rec.recipient}{' '}
            <OrgUnitSelect side="unit" includeInactive value={unitId} emptyLabel={t.any} onChange={(id) => refilter(() => setUnitId(id))} />
          </label>
        )}
        <label>
          <input type="checkbox" checked={overdue} onChange={(e) => refilter(() => setOverdue(e.target.checked))} /> {t.rec.overdueOnly}
        </label>
        <LiveStatus live={live} />
      </div>
      {live.data && live.data.items.length === 0 && <p>{t.rec.empty}</p>}
      {live.data && live.data.items.length > 0 && <RecommendationTable items={live.data.items} now={now} />}
      {pages > 1 && (
        <nav className="pager" aria-label={t.cases.page(page, pages)}>
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t.cases.prev}
          </button>
          <span>{t.cases.page(page, pages)}</span>
          <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t.cases.next}
          </button>
        </nav>
      )}
    </section>
  );
}
