import { useState } from 'react';
import type { CaseStatus, CaseView, Page } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { LiveStatus } from '../ui/live-status';

const PAGE_SIZE = 20;

/** 案件列表 — every case, newest first as the API lists them, filterable by status. */
export function CaseList() {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [page, setPage] = useState(1);
  const live = useLive(() => api.get<Page<CaseView>>('/cases', { status, page, pageSize: PAGE_SIZE }), [status, page]);
  const pages = Math.max(1, Math.ceil((live.data?.total ?? 0) / PAGE_SIZE));

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t.cases.title}</h1>
      <div className="toolbar">
        <label>
          {t.fields.caseStatus}{' '}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as CaseStatus | '');
              setPage(1);
            }}
          >
            <option value="">{t.any}</option>
            <option value="OPEN">{t.caseStatus.OPEN}</option>
            <option value="CLOSED">{t.caseStatus.CLOSED}</option>
          </select>
        </label>
        <LiveStatus live={live} />
      </div>
      {live.data && live.data.items.length === 0 && <p>{t.cases.empty}</p>}
      {live.data && live.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.fields.code}</th>
              <th scope="col">{t.fields.caseTitle}</th>
              <th scope="col">{t.fields.source}</th>
              <th scope="col">{t.fields.caseStatus}</th>
              <th scope="col">{t.fields.createdAt}</th>
            </tr>
          </thead>
          <tbody>
            {live.data.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/cases/${item.id}`}>{item.code}</Link>
                </td>
                <td>{item.title}</td>
                <td>{t.source[item.source] ?? item.source}</td>
                <td>
                  <span className={`badge case-${item.status.toLowerCase()}`}>{t.caseStatus[item.status]}</span>
                </td>
                <td>{dateTime(item.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
