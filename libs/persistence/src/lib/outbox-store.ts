import type { Notification } from '@reform/contracts';
import type { DataSource } from 'typeorm';
import type { NotificationStatus } from './entities';

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
