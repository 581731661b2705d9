import type { RobotReceiver, SmtpReceiver } from '../support/notification-receivers';
import type { Database } from './database';
import type { Webhook } from './webhook';

export interface DeliveryVerdict {
  delivered: number;
  pending: number;
  /** Sends a receiver got more than once for one (notification, channel, recipient). */
  duplicated: number;
  problems: string[];
}

interface DeliveryRow {
  key: string;
  channel: 'email' | 'wecom' | 'webhook';
  address: string | null;
  status: 'pending' | 'delivered' | 'failed';
  last_error: string | null;
}

/**
 * Every delivery the outbox holds against what the receivers got: a delivered one received exactly
 * once per (channel, recipient), a pending one (still backing off) at most once, none failed — the
 * suite registers an address for everyone and its receivers only ever refuse for a moment.
 */
export async function checkDeliveries(
  db: Database,
  receivers: { smtp: SmtpReceiver; robot: RobotReceiver; webhook: Webhook },
): Promise<DeliveryVerdict> {
  const rows = await db.query<DeliveryRow>(
    `SELECT notification_key AS key, channel, address, status, last_error FROM notification_deliveries WHERE channel <> 'inbox'`,
  );
  const received = new Map<string, number>();
  const count = (id: string) => received.set(id, (received.get(id) ?? 0) + 1);
  for (const mail of receivers.smtp.mails) for (const to of mail.envelopeTo) count(`email|${mail.notificationKey}|${to}`);
  for (const message of receivers.robot.messages) {
    const mentioned = /<@([^>]+)>/.exec(message.body.markdown?.content ?? '')?.[1] ?? '';
    count(`wecom|${message.notificationKey}|${mentioned}`);
  }
  for (const [key, times] of receivers.webhook.accepted) for (let i = 0; i < times; i++) count(`webhook|${key}|`);

  const verdict: DeliveryVerdict = { delivered: 0, pending: 0, duplicated: 0, problems: [] };
  for (const row of rows) {
    const id = `${row.channel}|${row.key}|${row.address ?? ''}`;
    const times = received.get(id) ?? 0;
    if (times > 1) {
      verdict.duplicated += times - 1;
      verdict.problems.push(`${row.channel} ${row.key} to ${row.address ?? 'the webhook'} received ${times} times`);
    }
    if (row.status === 'delivered') {
      verdict.delivered += 1;
      if (times === 0)
        verdict.problems.push(`${row.channel} ${row.key} to ${row.address ?? 'the webhook'} is marked delivered but never arrived`);
    } else if (row.status === 'pending') {
      verdict.pending += 1;
    } else {
      verdict.problems.push(`${row.channel} ${row.key} to ${row.address ?? 'the webhook'} failed: ${row.last_error}`);
    }
  }
  const [{ unaddressed }] = await db.query<{ unaddressed: number }>(
    `SELECT count(*)::int AS unaddressed FROM notifications n
     WHERE NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_key = n.key AND d.channel = 'email')`,
  );
  if (unaddressed > 0) verdict.problems.push(`${unaddressed} notifications have no e-mail delivery at all`);
  return verdict;
}
