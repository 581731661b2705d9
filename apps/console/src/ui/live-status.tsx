import type { Live } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from './error-note';

/** When the list was last refreshed, a refresh button, and the last refresh's error if any. */
export function LiveStatus({ live }: { live: Live<unknown> }) {
  const { t, time } = useI18n();
  return (
    <div className="live-status">
      <span aria-live="polite">
        {live.loading && !live.data ? t.app.loading : live.at ? t.app.updatedAt(time(live.at.toISOString())) : ''}
      </span>
      <button type="button" className="secondary small" onClick={live.reload}>
        {t.app.refresh}
      </button>
      <ErrorNote error={live.error} />
    </div>
  );
}
