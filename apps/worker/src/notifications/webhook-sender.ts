import type { ClaimedDelivery } from '@reform/persistence';
import { postJson, type ChannelSender, type SendResult } from './delivery-attempt';

/** The deployment's webhook: the notification as JSON, its key as the Idempotency-Key. */
export class WebhookSender implements ChannelSender {
  constructor(private readonly url: string) {}

  async send(delivery: ClaimedDelivery, link: string): Promise<SendResult> {
    const { notification } = delivery;
    return postJson(this.url, { ...notification, link }, { 'idempotency-key': notification.key });
  }
}
