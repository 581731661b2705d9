import type { ReactNode } from 'react';
import type { Live } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { LiveStatus } from './live-status';

/** A list's filters in one row, each applied as it changes, beside when the list was last refreshed. */
export function FilterBar({ live, children }: { live: Live<unknown>; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="toolbar filter-bar" role="group" aria-label={t.ledger.filters}>
      {children}
      <LiveStatus live={live} />
    </div>
  );
}
