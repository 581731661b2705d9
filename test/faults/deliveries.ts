import type { RobotReceiver, SmtpReceiver } from '../support/notification-receivers';
import type { Database } from './database';
import type { Webhook } from './webhook';

export interface DeliveryVerdict {
  delivered: number;
  pending: number;
  /** Sends received again after a worker was killed or PostgreSQL went away between a send and its record. */
  resentAfterFault: number;
  /** Sends received more than once with no such fault to explain it: each is a bug. */
  duplicated: number;
  problems: string[];
  notes: string[];
}

/** A fault that can cut a delivery between the send and its record, with when it struck (Date.now()). */
export interface InterruptingFault {
  kind: string;
  at: number;
}

interface DeliveryRow {
  key: string;
  channel: 'email' | 'wecom' | 'webhook';
  address: string | null;
  status: 'pending' | 'delivered' | 'failed';
  last_error: string | null;
}

/** A delivery is taken under a 60 s lease; one whose sender died is sent again once the lease is over. */
const LEASE_MS = 60_000;

/**
 * Every delivery the outbox holds against what the receivers got: a delivered one received once per
 * (channel, recipient), a pending one (still backing off) at most once, none failed — the suite
 * registers an address for everyone and its receivers only ever refuse for a moment. A send whose
 * record was cut by a kill or an outage is sent again (SMTP, robots and webhooks cannot be asked
 * whether they already have it; the resend carries the same Message-ID or Idempotency-Key): such a
 * resend is counted apart, and a second arrival with no fault to explain it is a duplicate.
 */
export async function checkDeliveries(
  db: Database,
  receivers: { smtp: SmtpReceiver; robot: RobotReceiver; webhook: Webhook },
  faults: InterruptingFault[],
): Promise<DeliveryVerdict> {
  const rows = await db.query<DeliveryRow>(
    `SELECT notification_key AS key, channel, address, status, last_error FROM notification_deliveries WHERE channel <> 'inbox'`,
  );
  const arrivals = new Map<string, number[]>();
  const arrived = (id: string, at: number) => arrivals.set(id, [...(arrivals.get(id) ?? []), at]);
  for (const mail of receivers.smtp.mails) for (const to of mail.envelopeTo) arrived(`email|${mail.notificationKey}|${to}`, mail.at);
  for (const message of receivers.robot.messages) {
    const mentioned = /<@([^>]+)>/.exec(message.body.markdown?.content ?? '')?.[1] ?? '';
    arrived(`wecom|${message.notificationKey}|${mentioned}`, message.at);
  }
  for (const [key, times] of receivers.webhook.accepted) for (const at of times) arrived(`webhook|${key}|`, at);

  const verdict: DeliveryVerdict = { delivered: 0, pending: 0, resentAfterFault: 0, duplicated: 0, problems: [], notes: [] };
  for (const row of rows) {
    const what = `${row.channel} ${row.key} to ${row.address ?? 'the webhook'}`;
    const times = (arrivals.get(`${row.channel}|${row.key}|${row.address ?? ''}`) ?? []).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      const fault = faults.find((each) => each.at >= times[i - 1] - LEASE_MS && each.at <= times[i]);
      if (fault) {
        verdict.resentAfterFault += 1;
        verdict.notes.push(`${what} sent again after the ${fault.kind} cut its record`);
      } else {
        verdict.duplicated += 1;
        verdict.problems.push(`${what} received ${times.length} times with no fault in between`);
      }
    }
    if (row.status === 'delivered') {
      verdict.delivered += 1;
      if (times.length === 0) verdict.problems.push(`${what} is marked delivered but never arrived`);
    } else if (row.status === 'pending') {
      verdict.pending += 1;
    } else {
      verdict.problems.push(`${what} failed: ${row.last_error}`);
    }
  }
  const [{ unaddressed }] = await db.query<{ unaddressed: number }>(
    `SELECT count(*)::int AS unaddressed FROM notifications n
     WHERE NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_key = n.key AND d.channel = 'email')`,
  );
  if (unaddressed > 0) verdict.problems.push(`${unaddressed} notifications have no e-mail delivery at all`);
  return verdict;
}
