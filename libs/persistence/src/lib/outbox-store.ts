import type { Notification } from '@reform/contracts';
import type { DataSource } from 'typeorm';
import type { NotificationStatus } from './entities';
import type { Sql } from './sql-transaction';

const INSERT_NOTIFICATIONS = `
  INSERT INTO notifications (key, kind, finding_id, case_id, recipient, subject, data, created_at, status)
  SELECT key, kind, finding_id, case_id, recipient, subject, data, created_at, $2
  FROM jsonb_to_recordset($1::jsonb) AS r(key text, kind text, finding_id uuid, case_id uuid, recipient jsonb,
                                           subject text, data jsonb, created_at timestamptz)
  ON CONFLICT (key) DO NOTHING`;

/**
 * Records notifications once each, in the caller's transaction (a transactional outbox); answers
 * the keys still waiting for delivery — a retried call sees the rows its first attempt wrote.
 */
export async function recordNotifications(sql: Sql, notifications: Notification[], status: 'pending' | 'recorded'): Promise<string[]> {
  if (notifications.length === 0) return [];
  const rows = notifications.map((n) => ({
    key: n.key,
    kind: n.kind,
    finding_id: n.findingId,
    case_id: n.caseId,
    recipient: n.recipient,
    subject: n.subject,
    data: n.data ?? {},
    created_at: n.at,
  }));
  await sql(INSERT_NOTIFICATIONS, [JSON.stringify(rows), status]);
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
    const { key, kind, findingId, caseId, recipient, subject, at, data } = notification;
    const inserted = await this.dataSource.query<{ status: NotificationStatus }[]>(
      `INSERT INTO notifications (key, kind, finding_id, case_id, recipient, subject, data, created_at, status)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9)
       ON CONFLICT (key) DO NOTHING
       RETURNING status`,
      [key, kind, findingId, caseId, JSON.stringify(recipient), subject, JSON.stringify(data ?? {}), at, status],
    );
    if (inserted.length > 0) return inserted[0].status;
    // A separate statement, so that a row committed by a concurrent call is visible.
    const existing = await this.dataSource.query<{ status: NotificationStatus }[]>(
      'SELECT status FROM notifications WHERE key = $1',
      [key],
    );
    return existing[0].status;
  }

  async markDelivered(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'delivered', delivered_at = now() WHERE key = $1 AND status <> 'delivered'`,
      [key],
    );
  }

  async markFailed(key: string, error: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE key = $1',
      [key, error],
    );
  }
}
