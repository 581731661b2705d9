import { useState, type FormEvent } from 'react';
import { ApiError, type Query } from '../api/client';
import type { Accountability, FindingStatus, LedgerItem, Page } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';
import { ErrorNote } from '../ui/error-note';
import { LiveStatus } from '../ui/live-status';
import { OrgUnitSelect } from '../ui/org-unit-select';
import { saveBlob } from '../ui/save-blob';

const STATUSES: FindingStatus[] = ['ASSIGNED', 'PLAN_SUBMITTED', 'RECTIFYING', 'REPORT_SUBMITTED', 'CLOSED'];
const ACCOUNTABILITY: Accountability[] = ['none', 'proposed', 'referred', 'rejected'];
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE_SIZE = 50;

interface Filters {
  status: string;
  unitId: string;
  trackingOfficeId: string;
  overdue: string;
  escalationLevel: string;
  accountability: string;
  dueFrom: string;
  dueTo: string;
}
const NO_FILTERS: Filters = {
  status: '',
  unitId: '',
  trackingOfficeId: '',
  overdue: '',
  escalationLevel: '',
  accountability: '',
  dueFrom: '',
  dueTo: '',
};

/** 台账 — every finding as supervisors print it, with filters and CSV/XLSX export of the same filter. */
export function Ledger() {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [exportError, setExportError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  const query: Query = { ...filters };
  const live = useLive(
    () => api.get<Page<LedgerItem>>('/ledger', { ...query, page, pageSize: PAGE_SIZE }),
    [JSON.stringify(filters), page],
  );
  const missing = live.error instanceof ApiError && live.error.status === 404;
  const pages = Math.max(1, Math.ceil((live.data?.total ?? 0) / PAGE_SIZE));

  async function download(accept: string) {
    setExporting(true);
    setExportError(undefined);
    try {
      const { blob, filename } = await api.download('/ledger', query, accept);
      saveBlob(blob, filename);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };
  const select = (key: keyof Filters, label: string, options: Array<[string, string]>) => (
    <label>
      {label}
      <select value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
        <option value="">{t.any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  if (missing) {
    return (
      <section aria-labelledby="ledger-title">
        <h1 id="ledger-title">{t.ledger.title}</h1>
        <p className="notice" role="status">
          {t.ledger.notAvailable}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="ledger-title">
      <h1 id="ledger-title">{t.ledger.title}</h1>
      <form className="filters" onSubmit={apply} aria-label={t.ledger.filters}>
        {select(
          'status',
          t.fields.status,
          STATUSES.map((s) => [s, t.status[s]]),
        )}
        {/* Findings of units since deactivated are still in the ledger: the filters offer those units too. */}
        <label>
          {t.fields.unitId}
          <OrgUnitSelect
            side="unit"
            includeInactive
            value={draft.unitId}
            emptyLabel={t.any}
            onChange={(unitId) => setDraft({ ...draft, unitId })}
          />
        </label>
        <label>
          {t.fields.trackingOffice}
          <OrgUnitSelect
            side="discipline"
            includeInactive
            value={draft.trackingOfficeId}
            emptyLabel={t.any}
            onChange={(trackingOfficeId) => setDraft({ ...draft, trackingOfficeId })}
          />
        </label>
        {select('overdue', t.fields.overdue, [
          ['true', t.yes],
          ['false', t.no],
        ])}
        {select(
          'escalationLevel',
          t.fields.escalationLevel,
          [0, 1, 2, 3].map((l) => [String(l), t.level[l]]),
        )}
        {select(
          'accountability',
          t.fields.accountability,
          ACCOUNTABILITY.map((a) => [a, t.accountability[a]]),
        )}
        <label>
          {t.ledger.dueFrom}
          <input type="date" value={draft.dueFrom} onChange={(e) => setDraft({ ...draft, dueFrom: e.target.value })} />
        </label>
        <label>
          {t.ledger.dueTo}
          <input type="date" value={draft.dueTo} onChange={(e) => setDraft({ ...draft, dueTo: e.target.value })} />
        </label>
        <div className="actions">
          <button type="submit">{t.ledger.apply}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              setPage(1);
            }}
          >
            {t.ledger.reset}
          </button>
          <button type="button" className="secondary" disabled={exporting} onClick={() => void download(CSV)}>
            {t.ledger.exportCsv}
          </button>
          <button type="button" className="secondary" disabled={exporting} onClick={() => void download(XLSX)}>
            {t.ledger.exportXlsx}
          </button>
        </div>
      </form>
      <ErrorNote error={exportError} />
      <LiveStatus live={live} />
      {live.data && <p>{t.ledger.total(live.data.total)}</p>}
      {live.data && live.data.items.length === 0 && <p>{t.ledger.empty}</p>}
      {live.data && live.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="ledger">
            <thead>
              <tr>
                {[
                  t.fields.seq,
                  t.fields.code,
                  t.fields.caseTitle,
                  t.fields.finding,
                  t.fields.unitId,
                  t.fields.responsiblePerson,
                  t.fields.dueAt,
                  t.fields.status,
                  t.fields.overdue,
                  t.fields.escalationLevel,
                  t.fields.accountability,
                  t.fields.closedAt,
                ].map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {live.data.items.map((row) => (
                <tr key={row.findingId} className={row.overdue ? 'overdue' : undefined}>
                  <td>{row.seq}</td>
                  <td>{row.caseCode}</td>
                  <td>{row.caseTitle}</td>
                  <td>
                    <Link to={`/findings/${row.findingId}`}>{row.title}</Link>
                  </td>
                  <td>
                    <UnitName id={row.unitId} />
                  </td>
                  <td>{row.responsiblePerson ?? '—'}</td>
                  <td>{dateTime(row.dueAt)}</td>
                  <td>{t.status[row.status]}</td>
                  <td>{row.overdue ? t.yes : t.no}</td>
                  <td>{t.level[row.escalationLevel] ?? row.escalationLevel}</td>
                  <td>{t.accountability[row.accountability]}</td>
                  <td>{row.closedAt ? dateTime(row.closedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
