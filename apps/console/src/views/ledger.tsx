import { useState } from 'react';
import { ApiError } from '../api/client';
import type { LedgerItem, Page } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useUrlState } from '../hooks/use-url-state';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { LiveStatus } from '../ui/live-status';
import { PagedList } from '../ui/paged-list';
import { PrintHeading } from '../ui/print-heading';
import { saveBlob } from '../ui/save-blob';
import { LedgerFilterForm, NO_LEDGER_FILTERS } from './ledger-filters';
import { LedgerTable } from './ledger-table';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE_SIZE = 50;

/** 台账 — every finding as supervisors print it, with filters (kept in the address) and CSV/XLSX export of the same filter. */
export function Ledger() {
  const { api } = useApp();
  const { t } = useI18n();
  const { filters, page, setFilters, setPage } = useUrlState(NO_LEDGER_FILTERS);
  const [exportError, setExportError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  const live = useLive(
    () => api.get<Page<LedgerItem>>('/ledger', { ...filters, page, pageSize: PAGE_SIZE }),
    [JSON.stringify(filters), page],
  );
  const missing = live.error instanceof ApiError && live.error.status === 404;

  async function download(accept: string) {
    setExporting(true);
    setExportError(undefined);
    try {
      const { blob, filename } = await api.download('/ledger', filters, accept);
      saveBlob(blob, filename);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

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
    <section className="ledger-page" aria-labelledby="ledger-title">
      <PrintHeading id="ledger-title" title={t.ledger.title} />
      <LedgerFilterForm
        applied={filters}
        onApply={setFilters}
        actions={
          <>
            <button type="button" className="secondary" disabled={exporting} onClick={() => void download(CSV)}>
              {t.ledger.exportCsv}
            </button>
            <button type="button" className="secondary" disabled={exporting} onClick={() => void download(XLSX)}>
              {t.ledger.exportXlsx}
            </button>
          </>
        }
      />
      <ErrorNote error={exportError} />
      <LiveStatus live={live} />
      {live.data && <p>{t.ledger.total(live.data.total)}</p>}
      <PagedList live={live} empty={t.ledger.empty} page={page} pageSize={PAGE_SIZE} onPage={setPage}>
        {(items) => <LedgerTable items={items} />}
      </PagedList>
    </section>
  );
}
