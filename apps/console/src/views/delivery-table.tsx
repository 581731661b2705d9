import type { NotificationDelivery } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';

/** Deliveries as rows: what, on which channel, to whom, how it stands; a failed row can be retried now. */
export function DeliveryTable({
  items,
  retrying,
  onRetry,
}: {
  items: NotificationDelivery[];
  retrying: string | null;
  onRetry: (delivery: NotificationDelivery) => void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.deliveries.notification}</th>
            <th scope="col">{t.deliveries.channel}</th>
            <th scope="col">{t.deliveries.recipient}</th>
            <th scope="col">{t.deliveries.status}</th>
            <th scope="col">{t.deliveries.attempts}</th>
            <th scope="col">{t.deliveries.lastError}</th>
            <th scope="col">{t.deliveries.nextAttemptAt}</th>
            <th scope="col">{t.deliveries.deliveredAt}</th>
            <th scope="col">{t.deliveries.actions}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((delivery) => (
            <tr key={delivery.id} className={delivery.status === 'failed' ? 'overdue' : undefined} data-testid="delivery-row">
              <td>
                {t.inboxKind[delivery.kind] ?? delivery.kind}
                <div className="muted small">{delivery.notificationId}</div>
              </td>
              <td>{t.channel[delivery.channel] ?? delivery.channel}</td>
              <td>
                <span title={delivery.recipient.personId ?? undefined}>
                  {delivery.recipient.name ?? delivery.recipient.personId ?? '—'}
                </span>{' '}
                · <UnitName id={delivery.recipient.unitId} />
                {delivery.recipient.address && <div className="muted small">{delivery.recipient.address}</div>}
              </td>
              <td>
                <span className={`badge delivery-${delivery.status}`}>{t.deliveryStatus[delivery.status] ?? delivery.status}</span>
              </td>
              <td>{delivery.attempts}</td>
              <td className="delivery-error">{delivery.lastError ?? '—'}</td>
              <td>{dateTime(delivery.nextAttemptAt)}</td>
              <td>{dateTime(delivery.deliveredAt)}</td>
              <td>
                {delivery.status === 'failed' && (
                  <button
                    type="button"
                    className="small"
                    disabled={retrying !== null}
                    aria-label={`${t.deliveries.retry}：${delivery.id}`}
                    onClick={() => onRetry(delivery)}
                  >
                    {retrying === delivery.id ? t.deliveries.retrying : t.deliveries.retry}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
