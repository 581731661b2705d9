import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import type { Notification, NotificationActivities } from '@reform/contracts';
import { OutboxStore } from '@reform/persistence';
import { DataSource } from 'typeorm';

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Records each notification in the outbox, then delivers it to the webhook if one is configured.
 * A failed delivery throws, so that Temporal retries it with backoff; a delivered one is not resent.
 */
@Injectable()
export class NotificationActivitiesService implements NotificationActivities {
  private readonly logger = new Logger(NotificationActivitiesService.name);
  private readonly outbox: OutboxStore;

  constructor(
    private readonly config: AppConfigService,
    dataSource: DataSource,
  ) {
    this.outbox = new OutboxStore(dataSource);
  }

  async notify(notification: Notification): Promise<void> {
    const webhookUrl = this.config.values.NOTIFY_WEBHOOK_URL;
    if (!webhookUrl) {
      const status = await this.outbox.record(notification, 'recorded');
      this.logger.log(`${notification.kind} ${notification.key} ${status}; NOTIFY_WEBHOOK_URL is not set`);
      return;
    }
    const status = await this.outbox.record(notification, 'pending');
    if (status !== 'pending') return;
    const failure = await this.post(webhookUrl, notification);
    if (failure === null) {
      await this.outbox.markDelivered(notification.key);
      return;
    }
    await this.outbox.markFailed(notification.key, failure);
    this.logger.warn(`${notification.kind} ${notification.key} not delivered: ${failure}`);
    throw new Error(`notification ${notification.key} not delivered: ${failure}`);
  }

  /** Answers null when the webhook accepted the notification, else why it did not. */
  private async post(url: string, notification: Notification): Promise<string | null> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': notification.key },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      // Drain the body so the connection goes back to the pool.
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? null : `HTTP ${response.status} ${response.statusText}`.trim();
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return [(error as Error).message, cause].filter(Boolean).join(': ');
    }
  }
}
