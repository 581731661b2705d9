import type { Notification } from '@reform/contracts';
import type { DataSource } from 'typeorm';
import { insertRowsSql, type NotificationStatus, type TableRow } from './schema';
import type { Sql } from './sql-transaction';

const RECORDED_COLUMNS = [
  'key',
  'kind',
  'finding_id',
  'recommendation_id',
  'case_id',
  'recipient',
  'subject',
  'data',
  'created_at',
  'status',
] as const;
type RecordedRow = Pick<TableRow<'notifications'>, (typeof RECORDED_COLUMNS)[number]>;
// Attempts, last error and delivery time keep their defaults until a send is tried.
const INSERT_NOTIFICATIONS = insertRowsSql('notifications', 'ON CONFLICT (key) DO NOTHING', [...RECORDED_COLUMNS]);

/** Inserts each notification's row unless its key has one already. */
async function insertNotifications(sql: Sql, notifications: Notification[], status: 'pending' | 'recorded'): Promise<void> {
  const rows = notifications.map(
    (n): RecordedRow => ({
      key: n.key,
      kind: n.kind,
      finding_id: n.findingId,
      recommendation_id: n.recommendationId ?? null,
      case_id: n.caseId,
      recipient: n.recipient,
      subject: n.subject,
      data: n.data ?? {},
      created_at: n.at,
      status,
    }),
  );
  await sql(INSERT_NOTIFICATIONS, [JSON.stringify(rows)]);
}

/**
 * Records notifications once each, in the caller's transaction (a transactional outbox); answers
 * the keys still waiting for delivery — a retried call sees the rows its first attempt wrote.
 */
export async function recordNotifications(sql: Sql, notifications: Notification[], status: 'pending' | 'recorded'): Promise<string[]> {
  if (notifications.length === 0) return [];
  await insertNotifications(sql, notifications, status);
  if (status === 'recorded') return [];
  const pending = await sql<{ key: string }>(`SELECT key FROM notifications WHERE key = ANY($1::text[]) AND status = 'pending'`, [
    notifications.map((n) => n.key),
  ]);
  return pending.map((row) => row.key);
}

/** The notification outbox: one row per notification key, however often a send is retried. */
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the notification once; answers the status its row has now. */
  async record(notification: Notification, status: 'pending' | 'recorded'): Promise<NotificationStatus> {
    const sql: Sql = (text, parameters) => this.dataSource.query(text, parameters);
    await insertNotifications(sql, [notification], status);
    // A statement of its own, so that a row committed by a concurrent call is visible.
    const [row] = await sql<{ status: NotificationStatus }>('SELECT status FROM notifications WHERE key = $1', [notification.key]);
    return row.status;
  }

  async markDelivered(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'delivered', delivered_at = now() WHERE key = $1 AND status <> 'delivered'`,
      [key],
    );
  }

  async markFailed(key: string, error: string): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE key = $1', [key, error]);
  }
}
