import type { DataSource } from 'typeorm';
import { inboxKind, type DeliveryStatus, type NotificationDelivery, type NotifyChannel, type Page } from '@reform/contracts';
import type { TableRow } from '../schema';
import { countOf, toIsoOrNull, WhereClause, type PageRequest, type Within } from './sql-support';

/** Which deliveries an operator lists: by state and channel, within every one of `within` (the notification's unit or tracking office). */
export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: NotifyChannel;
  within?: readonly Within[];
}

type DeliveryRow = Pick<
  TableRow<'notification_deliveries'>,
  'notification_key' | 'channel' | 'person_id' | 'address' | 'status' | 'attempts' | 'last_error' | 'next_attempt_at' | 'delivered_at'
> &
  Pick<TableRow<'notifications'>, 'kind'> & { id: string; unit_id: string | null; person_name: string | null };

function toDelivery(row: DeliveryRow): NotificationDelivery {
  return {
    id: row.id,
    notificationId: row.notification_key,
    kind: inboxKind(row.kind),
    channel: row.channel,
    recipient: { personId: row.person_id, name: row.person_name, unitId: row.unit_id, address: row.address },
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: toIsoOrNull(row.next_attempt_at),
    deliveredAt: toIsoOrNull(row.delivered_at),
  };
}

// The person's name and org unit as the notification recorded whom it reached, else the unit it concerns.
const SELECT_DELIVERIES = `
  SELECT d.id::text AS id, d.notification_key, n.kind, d.channel, d.person_id, d.address, d.status, d.attempts,
    d.last_error, d.next_attempt_at, d.delivered_at,
    coalesce(reached->>'viaOrgUnitId', n.unit_id) AS unit_id, reached->>'name' AS person_name
  FROM notification_deliveries d JOIN notifications n ON n.key = d.notification_key
  LEFT JOIN LATERAL (SELECT p FROM jsonb_array_elements(n.recipients) p WHERE p->>'personId' = d.person_id LIMIT 1) AS whom(reached) ON true`;

/** The outbox as operators see it (GET /ops/notifications) and as /health counts it; ids must be whole numbers. */
export class DeliveryQueries {
  constructor(private readonly db: DataSource) {}

  /** Newest first. */
  async list(filter: DeliveryFilter, page: PageRequest): Promise<Page<NotificationDelivery>> {
    const where = new WhereClause()
      .add((p) => `d.status = ${p}`, filter.status)
      .add((p) => `d.channel = ${p}`, filter.channel)
      .within(filter.within, 'n.');
    const paged = where.paged(page);
    // Every delivery has its notification (a foreign key): counting joins it only to apply a jurisdiction.
    const counted = filter.within?.length
      ? 'notification_deliveries d JOIN notifications n ON n.key = d.notification_key'
      : 'notification_deliveries d';
    const [rows, count] = await Promise.all([
      this.db.query(`${SELECT_DELIVERIES} ${where.toSql()} ORDER BY d.id DESC ${paged.sql}`, paged.params),
      this.db.query(`SELECT count(*) AS count FROM ${counted} ${where.toSql()}`, where.params),
    ]);
    return { items: (rows as DeliveryRow[]).map(toDelivery), total: countOf(count) };
  }

  /** One delivery, or null when there is none such within `within`. */
  async get(id: string, within?: readonly Within[]): Promise<NotificationDelivery | null> {
    const where = new WhereClause().add((p) => `d.id = ${p}`, id).within(within, 'n.');
    const rows: DeliveryRow[] = await this.db.query(`${SELECT_DELIVERIES} ${where.toSql()}`, where.params);
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  /** Deliveries still being tried and those given up, each counted from the status index. */
  async counts(): Promise<{ pending: number; failed: number }> {
    const [row]: Array<{ pending: string; failed: string }> = await this.db.query(
      `SELECT (SELECT count(*) FROM notification_deliveries WHERE status = 'pending') AS pending,
              (SELECT count(*) FROM notification_deliveries WHERE status = 'failed') AS failed`,
    );
    return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
  }
}
