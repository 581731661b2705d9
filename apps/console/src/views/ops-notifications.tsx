import { useState } from 'react';
import type { DeliveryRetry, DeliveryStatus, NotificationDelivery, NotificationDeliveryPage, NotifyChannel } from '../api/types';
import { useApp } from '../app-context';
import { useLive } from '../hooks/use-live';
import { useUrlState } from '../hooks/use-url-state';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from '../ui/error-note';
import { FilterBar } from '../ui/filter-bar';
import { FilterSelect } from '../ui/filter-select';
import { PagedList } from '../ui/paged-list';
import { DeliveryTable } from './delivery-table';

const PAGE_SIZE = 50;
/** The contract's DELIVERY_STATUSES and NOTIFY_CHANNELS, restated: the console takes only types from the workspace. */
export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'failed', 'delivered'];
export const NOTIFY_CHANNELS: NotifyChannel[] = ['inbox', 'email', 'wecom', 'webhook'];

/** 通知投递 — the outbox for supervisors (their jurisdiction) and admins: how each delivery stands, and "retry now". */
export function OpsNotifications() {
  const { api } = useApp();
  const { t } = useI18n();
  const { filters, page, setFilters, setPage } = useUrlState({ status: '', channel: '' });
  const [retrying, setRetrying] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();
  const live = useLive(
    () => api.get<NotificationDeliveryPage>('/ops/notifications', { ...filters, page, pageSize: PAGE_SIZE }),
    [filters.status, filters.channel, page],
  );

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
      <FilterBar live={live}>
        <FilterSelect
          label={t.deliveries.status}
          value={filters.status}
          options={DELIVERY_STATUSES.map((value) => [value, t.deliveryStatus[value]])}
          onChange={(status) => setFilters({ status })}
        />
        <FilterSelect
          label={t.deliveries.channel}
          value={filters.channel}
          options={NOTIFY_CHANNELS.map((value) => [value, t.channel[value]])}
          onChange={(channel) => setFilters({ channel })}
        />
      </FilterBar>
      <p className="notice" role="status">
        {notice}
      </p>
      <ErrorNote error={error} />
      <PagedList live={live} empty={t.deliveries.empty} page={page} pageSize={PAGE_SIZE} onPage={setPage}>
        {(items) => <DeliveryTable items={items} retrying={retrying} onRetry={retry} />}
      </PagedList>
    </section>
  );
}
