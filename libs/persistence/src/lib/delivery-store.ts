import type { Notification, NotificationAddresser, NotifiedPerson, NotifyChannel } from '@reform/contracts';
import type { DataSource } from 'typeorm';
import { recordNotifications } from './outbox-store';
import { inTransaction, type Sql } from './sql-transaction';

/** One delivery taken to be sent, with what it carries. */
export interface ClaimedDelivery {
  id: string;
  channel: Exclude<NotifyChannel, 'inbox'>;
  personId: string | null;
  address: string | null;
  attempts: number;
  notification: {
    key: string;
    kind: Notification['kind'];
    findingId: string | null;
    recommendationId: string | null;
    interviewId: string | null;
    caseId: string | null;
    recipient: Notification['recipient'];
    recipients: NotifiedPerson[];
    subject: string;
    title: string;
    body: string;
    data: Record<string, unknown>;
    at: string;
  };
}

/** How one try ended: sent; refused for good (with why); or to be tried again at `nextAttemptAt`. */
export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'failed'; error: string }
  | { kind: 'retry'; error: string; nextAttemptAt: Date };

const CLAIM = `
  UPDATE notification_deliveries d SET leased_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
  WHERE d.id = $1 AND d.status = 'pending' AND (d.leased_until IS NULL OR d.leased_until < now())
  RETURNING d.id::text, d.channel, d.person_id, d.address, d.attempts,
    (SELECT jsonb_build_object(
       'key', n.key, 'kind', n.kind, 'findingId', n.finding_id, 'recommendationId', n.recommendation_id,
       'interviewId', n.interview_id, 'caseId', n.case_id, 'recipient', n.recipient, 'recipients', n.recipients,
       'subject', n.subject, 'title', coalesce(n.title, n.subject), 'body', coalesce(n.body, n.subject),
       'data', n.data, 'at', to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
     FROM notifications n WHERE n.key = d.notification_key) AS notification`;

/** The notification's status follows its deliveries beyond the inbox. */
const SETTLE_NOTIFICATION = `
  UPDATE notifications n SET
    status = CASE
      WHEN EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_key = n.key AND d.channel <> 'inbox' AND d.status = 'pending') THEN 'pending'
      WHEN EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_key = n.key AND d.channel <> 'inbox' AND d.status = 'failed') THEN 'failed'
      WHEN EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_key = n.key AND d.channel <> 'inbox') THEN 'delivered'
      ELSE n.status END,
    delivered_at = coalesce(n.delivered_at, CASE WHEN NOT EXISTS (
      SELECT 1 FROM notification_deliveries d WHERE d.notification_key = n.key AND d.channel <> 'inbox' AND d.status <> 'delivered') THEN now() END)
  WHERE n.key = $1`;

/**
 * The outbox's deliveries: what waits in which queue, taken one at a time under a lease (so two
 * senders never send the same row at once, and a sender that died frees it when the lease ends),
 * and how each try ended.
 */
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records notifications no projection recorded — a digest, or one from a workflow older than
   * projections that record them — in one transaction; answers the keys with deliveries to make.
   */
  record(notifications: Notification[], address: NotificationAddresser): Promise<string[]> {
    return inTransaction(this.dataSource, (sql) => recordNotifications(sql, notifications, address));
  }

  /** The pending deliveries of one notification beyond the inbox, with their queues, oldest first. */
  async pendingOf(key: string): Promise<{ id: string; queue: string }[]> {
    return this.dataSource.query(
      `SELECT id::text, queue FROM notification_deliveries WHERE notification_key = $1 AND status = 'pending' AND channel <> 'inbox' ORDER BY id`,
      [key],
    );
  }

  /** The pending deliveries of a queue up to and including `id`, in order: they go out before it. */
  async queueUpTo(queue: string, id: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id::text FROM notification_deliveries WHERE queue = $1 AND status = 'pending' AND id <= $2 ORDER BY id LIMIT $3`,
      [queue, id, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Takes a pending delivery for `leaseSeconds`; null when it is no longer pending or someone else holds it. */
  async claim(id: string, leaseSeconds: number): Promise<ClaimedDelivery | null> {
    const rows: {
      id: string;
      channel: ClaimedDelivery['channel'];
      person_id: string | null;
      address: string | null;
      attempts: number;
      notification: ClaimedDelivery['notification'];
    }[] = await inTransaction(this.dataSource, (sql) => sql(CLAIM, [id, leaseSeconds]));
    const [row] = rows;
    if (!row) return null;
    return {
      id: row.id,
      channel: row.channel,
      personId: row.person_id,
      address: row.address,
      attempts: row.attempts,
      notification: row.notification,
    };
  }

  /** A delivery still pending, with its queue and notification; null once settled. */
  async pendingRow(id: string): Promise<{ id: string; queue: string; key: string } | null> {
    const rows: { id: string; queue: string; key: string }[] = await this.dataSource.query(
      `SELECT id::text, queue, notification_key AS key FROM notification_deliveries WHERE id = $1 AND status = 'pending'`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Whether a delivery is still pending (held by another sender, say). */
  async isPending(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM notification_deliveries WHERE id = $1 AND status = 'pending'`, [id]);
    return rows.length > 0;
  }

  async settle(delivery: ClaimedDelivery, outcome: DeliveryOutcome): Promise<void> {
    await inTransaction(this.dataSource, async (sql) => {
      await settleDelivery(sql, delivery.id, outcome);
      await sql(SETTLE_NOTIFICATION, [delivery.notification.key]);
    });
  }

  /** Puts a failed delivery back to pending with the address the register has now; answers its notification's key, or null when it was not failed. */
  async reopen(id: string): Promise<string | null> {
    return inTransaction(this.dataSource, async (sql) => {
      const rows = await sql<{ notification_key: string }>(REOPEN, [id]);
      if (rows.length === 0) return null;
      await sql(SETTLE_NOTIFICATION, [rows[0].notification_key]);
      return rows[0].notification_key;
    });
  }
}

/** Re-reads the person's address for e-mail and WeCom, so that a register fixed after the failure is used. */
const REOPEN = `
  UPDATE notification_deliveries d SET status = 'pending', leased_until = NULL, next_attempt_at = now(),
    address = CASE d.channel
      WHEN 'email' THEN coalesce((SELECT email FROM people WHERE id = d.person_id), d.address)
      WHEN 'wecom' THEN coalesce((SELECT wecom_user_id FROM people WHERE id = d.person_id), d.address)
      ELSE d.address END
  WHERE d.id = $1 AND d.status = 'failed'
  RETURNING d.notification_key`;

async function settleDelivery(sql: Sql, id: string, outcome: DeliveryOutcome): Promise<void> {
  switch (outcome.kind) {
    case 'delivered':
      await sql(
        `UPDATE notification_deliveries SET status = 'delivered', delivered_at = now(), leased_until = NULL, next_attempt_at = NULL WHERE id = $1`,
        [id],
      );
      return;
    case 'failed':
      await sql(
        `UPDATE notification_deliveries SET status = 'failed', last_error = $2, leased_until = NULL, next_attempt_at = NULL WHERE id = $1`,
        [id, outcome.error],
      );
      return;
    case 'retry':
      await sql(`UPDATE notification_deliveries SET last_error = $2, leased_until = NULL, next_attempt_at = $3 WHERE id = $1`, [
        id,
        outcome.error,
        outcome.nextAttemptAt.toISOString(),
      ]);
  }
}
