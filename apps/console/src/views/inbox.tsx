import { useState } from 'react';
import type { InboxNotification, InboxPage } from '../api/types';
import { useApp } from '../app-context';
import { announceInboxChanged } from '../hooks/inbox-changes';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { LiveStatus } from '../ui/live-status';
import { Pager } from '../ui/pager';
import { InboxEntry } from './inbox-entry';

const PAGE_SIZE = 20;
type Show = 'all' | 'unread';

/** 通知 — the reader's notifications, newest first, unread ones marked; read one by one or all at once. */
export function Inbox() {
  const { api } = useApp();
  const { t } = useI18n();
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();
  const live = useLive(
    () => api.get<InboxPage>('/notifications', { unread: show === 'unread' ? 'true' : undefined, page, pageSize: PAGE_SIZE }),
    [show, page],
  );
  const unread = live.data?.unread ?? 0;

  const changed = () => {
    setError(undefined);
    announceInboxChanged();
    live.reload();
  };
  const markRead = (item: InboxNotification) =>
    api.post<void>(`/notifications/${encodeURIComponent(item.id)}/read`, undefined).then(changed, setError);
  const markAllRead = () =>
    api.post<void>('/notifications/read-all', undefined).then(() => {
      setNotice(t.inbox.allRead);
      changed();
    }, setError);

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">
        {t.inbox.title}
        {live.data && unread > 0 ? `（${t.inbox.unreadCount(unread)}）` : ''}
      </h1>
      <p className="intro">{t.inbox.intro}</p>
      <div className="toolbar">
        <label>
          {t.inbox.show}{' '}
          <select
            value={show}
            onChange={(e) => {
              setShow(e.target.value as Show);
              setPage(1);
            }}
          >
            <option value="all">{t.inbox.all}</option>
            <option value="unread">{t.inbox.unreadOnly}</option>
          </select>
        </label>
        <button type="button" className="secondary" disabled={unread === 0} onClick={markAllRead}>
          {t.inbox.markAllRead}
        </button>
        <LiveStatus live={live} />
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
      <ErrorNote error={error} />
      {live.data && live.data.items.length === 0 && <p>{show === 'unread' ? t.inbox.emptyUnread : t.inbox.empty}</p>}
      {live.data && live.data.items.length > 0 && (
        <ol className="inbox" aria-label={t.inbox.title}>
          {live.data.items.map((item) => (
            <InboxEntry key={item.id} item={item} onRead={markRead} />
          ))}
        </ol>
      )}
      <Pager page={page} total={live.data?.total ?? 0} pageSize={PAGE_SIZE} onPage={setPage} />
    </section>
  );
}
