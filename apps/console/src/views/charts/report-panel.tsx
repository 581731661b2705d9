import type { ReactNode } from 'react';
import type { Live } from '../../hooks/use-live';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote } from '../../ui/error-note';

/** One report's chart once its numbers have come; till then a line saying so, and why it failed if it did. */
export function ReportPanel<T>({ live, children }: { live: Live<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (live.data !== undefined) return <>{children(live.data)}</>;
  return (
    <div className="chart-panel">
      {live.loading && <p className="muted">{t.app.loading}</p>}
      <ErrorNote error={live.error} />
    </div>
  );
}
