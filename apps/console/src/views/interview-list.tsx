import { useState } from 'react';
import type { InterviewPage, InterviewStatus } from '../api/types';
import { useApp } from '../app-context';
import { useLive, useNow } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { LiveStatus } from '../ui/live-status';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { InterviewTable } from './interview-table';

const PAGE_SIZE = 20;
/** The contract's INTERVIEW_STATUSES, restated: the console takes only types from the workspace. */
export const INTERVIEW_STATUSES: InterviewStatus[] = ['PROPOSED', 'SCHEDULED', 'HELD'];

/** 约谈 — the interviews within the reader's jurisdiction, the latest proposed first, by status and unit. */
export function InterviewList() {
  const { api } = useApp();
  const { t } = useI18n();
  const now = useNow();
  const [status, setStatus] = useState<InterviewStatus | ''>('');
  const [unitId, setUnitId] = useState('');
  const [page, setPage] = useState(1);
  const live = useLive(() => api.get<InterviewPage>('/interviews', { status, unitId, page, pageSize: PAGE_SIZE }), [status, unitId, page]);
  const pages = Math.max(1, Math.ceil((live.data?.total ?? 0) / PAGE_SIZE));
  // Every filter change starts again from the first page.
  const refilter = (change: () => void) => {
    change();
    setPage(1);
  };

  return (
    <section aria-labelledby="interviews-title">
      <h1 id="interviews-title">{t.interview.listTitle}</h1>
      <p className="intro">{t.interview.listIntro}</p>
      <div className="toolbar">
        <label>
          {t.interview.status}{' '}
          <select value={status} onChange={(e) => refilter(() => setStatus(e.target.value as InterviewStatus | ''))}>
            <option value="">{t.any}</option>
            {INTERVIEW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t.interviewStatus[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.interview.unit}{' '}
          <OrgUnitSelect side="unit" includeInactive value={unitId} emptyLabel={t.any} onChange={(id) => refilter(() => setUnitId(id))} />
        </label>
        <LiveStatus live={live} />
      </div>
      {live.data && live.data.items.length === 0 && <p>{t.interview.empty}</p>}
      {live.data && live.data.items.length > 0 && <InterviewTable items={live.data.items} now={now} />}
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
