import { useEffect } from 'react';
import type { InboxPage } from '../api/types';
import { useApp } from '../app-context';
import { onInboxChanged } from '../hooks/inbox-changes';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export const BELL_REFRESH_MS = 30_000;

/** The header's way to the inbox, with how many are unread: every 30 s, and at once when read state changes. */
export function InboxBell() {
  const { api } = useApp();
  const { t } = useI18n();
  const live = useLive(() => api.get<InboxPage>('/notifications', { pageSize: 1 }), [], BELL_REFRESH_MS);
  useEffect(() => onInboxChanged(live.reload), [live.reload]);
  const unread = live.data?.unread ?? 0;
  return (
    <Link to="/inbox" className="inbox-bell" aria-label={t.inbox.bell(unread)} data-testid="inbox-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      <span aria-hidden="true">{t.inbox.title}</span>
      {unread > 0 && (
        <span className="badge unread-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
