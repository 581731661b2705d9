import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { AppConfigService } from '@reform/config';
import type { DeliveryActivities, Notification, NotificationActivities, NotifyChannel } from '@reform/contracts';
import { notificationPath } from '@reform/domain';
import { DeliveryStore, type ClaimedDelivery, type DeliveryOutcome } from '@reform/persistence';
import { DataSource } from 'typeorm';
import type { ChannelSender, SendResult } from './delivery-attempt';
import { DigestComposer } from './digest-composer';
import { EmailSender } from './email-sender';
import { NotificationAddressing } from './notification-addressing';
import { WebhookSender } from './webhook-sender';
import { WecomSender } from './wecom-sender';

/** Longer than any one send may take (the senders time out within 15 s). */
const LEASE_SECONDS = 60;
/** Deliveries one call sends ahead of its own in a queue, so that it ends well within its 30 s. */
const QUEUE_BATCH = 10;
/** NOTIFICATION's retry policy (workflows/src/activity-options.ts), to say when the next try comes. */
const RETRY_INITIAL_MS = 5_000;
const RETRY_MAXIMUM_MS = 600_000;
/** How long a send's record waits for the database before the activity gives up (within its 30 s). */
const SETTLE_PATIENCE_MS = 20_000;

/**
 * Delivers what the outbox holds: each pending delivery of a notification, after the deliveries
 * queued before it for the same person and channel (so one person reads them in order). A send the
 * channel refuses for good is marked failed with its reason; one that may yet succeed is marked
 * with its error and next try, and the activity throws so that Temporal tries again with backoff.
 */
@Injectable()
export class DeliveryActivitiesService implements NotificationActivities, DeliveryActivities, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryActivitiesService.name);
  private readonly store: DeliveryStore;
  private readonly senders: Partial<Record<Exclude<NotifyChannel, 'inbox'>, ChannelSender>> = {};

  constructor(
    private readonly config: AppConfigService,
    private readonly addressing: NotificationAddressing,
    private readonly digests: DigestComposer,
    dataSource: DataSource,
  ) {
    this.store = new DeliveryStore(dataSource);
    const notify = config.values.notify;
    if (notify.smtpUrl) this.senders.email = new EmailSender(notify.smtpUrl, notify.emailFrom);
    if (notify.wecomRobotUrl) this.senders.wecom = new WecomSender(notify.wecomRobotUrl);
    if (notify.webhookUrl) this.senders.webhook = new WebhookSender(notify.webhookUrl);
  }

  onModuleDestroy(): void {
    (this.senders.email as EmailSender | undefined)?.close();
  }

  /** What workflows call for a notification their projection recorded (or, from before that, did not). */
  async notify(notification: Notification): Promise<void> {
    let pending = await this.store.pendingOf(notification.key);
    if (pending.length === 0 && (await this.store.record([notification], this.addressing.address)).length > 0) {
      pending = await this.store.pendingOf(notification.key);
    }
    await this.deliver(notification.key, pending);
  }

  async deliverNotification({ key }: { key: string }): Promise<void> {
    await this.deliver(key, await this.store.pendingOf(key));
  }

  async retryDelivery({ deliveryId }: { deliveryId: string }): Promise<void> {
    await this.store.reopen(deliveryId);
    const pending = await this.store.pendingRow(deliveryId);
    if (pending) await this.deliver(pending.key, [pending]);
  }

  composeDigests({ date }: { date: string }): Promise<{ keys: string[] }> {
    return this.digests.compose(date);
  }

  private async deliver(key: string, pending: { id: string; queue: string }[]): Promise<void> {
    const waiting: string[] = [];
    for (const delivery of pending) {
      const why = await this.sendQueueUpTo(delivery);
      if (why) waiting.push(why);
    }
    if (waiting.length > 0) {
      throw ApplicationFailure.retryable(`notification ${key} not delivered yet: ${waiting.join('; ')}`, 'DeliveryPending');
    }
  }

  /** Sends the queue's pending deliveries up to `target`, oldest first; answers why it stopped short, or null. */
  private async sendQueueUpTo(target: { id: string; queue: string }): Promise<string | null> {
    const ids = await this.store.queueUpTo(target.queue, target.id, QUEUE_BATCH);
    for (const id of ids) {
      const claimed = await this.store.claim(id, LEASE_SECONDS);
      if (!claimed) {
        if (await this.store.isPending(id)) return `delivery ${id} is being sent by another attempt`;
        continue;
      }
      const outcome = this.outcomeOf(await this.send(claimed));
      await this.settleSoon(claimed, outcome);
      if (outcome.kind === 'failed')
        this.logger.warn(`${claimed.channel} delivery ${id} (${claimed.notification.key}) failed: ${outcome.error}`);
      if (outcome.kind === 'retry') return `${claimed.channel} delivery ${id}: ${outcome.error}`;
    }
    if (!ids.includes(target.id) && (await this.store.isPending(target.id))) return `delivery ${target.id} waits behind earlier ones`;
    return null;
  }

  /**
   * Records how a send ended, waiting out a short database outage: once a mail or a message has
   * gone, a record that fails would have it sent again when its lease ends.
   */
  private async settleSoon(delivery: ClaimedDelivery, outcome: DeliveryOutcome): Promise<void> {
    const deadline = Date.now() + SETTLE_PATIENCE_MS;
    for (;;) {
      try {
        await this.store.settle(delivery, outcome);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.logger.warn(`delivery ${delivery.id} sent, not yet recorded (${(error as Error).message}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private async send(delivery: ClaimedDelivery): Promise<SendResult> {
    const sender = this.senders[delivery.channel];
    if (!sender) return { sent: false, permanent: false, reason: `${delivery.channel} is not configured on this worker` };
    return sender.send(delivery, this.config.values.notify.consoleUrl + notificationPath(delivery.notification));
  }

  private outcomeOf(result: SendResult): DeliveryOutcome {
    if (result.sent) return { kind: 'delivered' };
    if (result.permanent) return { kind: 'failed', error: result.reason };
    return { kind: 'retry', error: result.reason, nextAttemptAt: new Date(Date.now() + nextRetryDelayMs()) };
  }
}

/** When Temporal will try this activity again, by its attempt number and NOTIFICATION's backoff. */
function nextRetryDelayMs(): number {
  let attempt = 1;
  try {
    attempt = Context.current().info.attempt;
  } catch {
    // Outside an activity (a test calling the service directly): the first retry's delay.
  }
  return Math.min(RETRY_INITIAL_MS * 2 ** (attempt - 1), RETRY_MAXIMUM_MS);
}
