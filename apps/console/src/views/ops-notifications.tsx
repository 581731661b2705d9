import { useState } from 'react';
import type { DeliveryRetry, DeliveryStatus, NotificationDelivery, NotificationDeliveryPage, NotifyChannel } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { LiveStatus } from '../ui/live-status';
import { Pager } from '../ui/pager';
import { DeliveryTable } from './delivery-table';

const PAGE_SIZE = 50;
/** The contract's DELIVERY_STATUSES and NOTIFY_CHANNELS, restated: the console takes only types from the workspace. */
export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'failed', 'delivered'];
export const NOTIFY_CHANNELS: NotifyChannel[] = ['inbox', 'email', 'wecom', 'webhook'];

/** 通知投递 — the outbox for supervisors (their jurisdiction) and admins: how each delivery stands, and "retry now". */
export function OpsNotifications() {
  const { api } = useApp();
  const { t } = useI18n();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [channel, setChannel] = useState<NotifyChannel | ''>('');
  const [page, setPage] = useState(1);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();
  const live = useLive(
    () => api.get<NotificationDeliveryPage>('/ops/notifications', { status, channel, page, pageSize: PAGE_SIZE }),
    [status, channel, page],
  );
  const refilter = (change: () => void) => {
    change();
    setPage(1);
  };

  const retry = async (delivery: NotificationDelivery) => {
    setRetrying(delivery.id);
    setError(undefined);
    try {
      await api.post<DeliveryRetry>(`/ops/notifications/${delivery.id}/retry`, undefined);
      setNotice(t.deliveries.retried(delivery.id));
      live.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setRetrying(null);
    }
  };

  return (
    <section aria-labelledby="deliveries-title">
      <h1 id="deliveries-title">{t.deliveries.title}</h1>
      <p className="intro">{t.deliveries.intro}</p>
      <div className="toolbar">
        <label>
          {t.deliveries.status}{' '}
          <select value={status} onChange={(e) => refilter(() => setStatus(e.target.value as DeliveryStatus | ''))}>
            <option value="">{t.any}</option>
            {DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t.deliveryStatus[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.deliveries.channel}{' '}
          <select value={channel} onChange={(e) => refilter(() => setChannel(e.target.value as NotifyChannel | ''))}>
            <option value="">{t.any}</option>
            {NOTIFY_CHANNELS.map((value) => (
              <option key={value} value={value}>
                {t.channel[value]}
              </option>
            ))}
          </select>
        </label>
        <LiveStatus live={live} />
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
      <ErrorNote error={error} />
      {live.data && live.data.items.length === 0 && <p>{t.deliveries.empty}</p>}
      {live.data && live.data.items.length > 0 && <DeliveryTable items={live.data.items} retrying={retrying} onRetry={retry} />}
      <Pager page={page} total={live.data?.total ?? 0} pageSize={PAGE_SIZE} onPage={setPage} />
    </section>
  );
}
