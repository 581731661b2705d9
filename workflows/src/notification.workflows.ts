import { proxyActivities } from '@temporalio/workflow';
import type { DeliveryActivities } from '@reform/contracts';
import { DATABASE_WRITE, NOTIFICATION } from './activity-options';

const { retryDelivery, deliverNotification } = proxyActivities<DeliveryActivities>(NOTIFICATION);
const { composeDigests } = proxyActivities<DeliveryActivities>(DATABASE_WRITE);

/** "Retry now" of one failed delivery: back to pending, then delivered (retried with backoff until it is, or fails again for good). */
export async function deliveryRetryWorkflow(input: { deliveryId: string }): Promise<void> {
  await retryDelivery(input);
}

/** 每日待办, started by the digest Schedule: each person's digest of the business day, then its deliveries. */
export async function dailyDigestWorkflow(input: { timeZone: string }): Promise<{ digests: number }> {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: input.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const { keys } = await composeDigests({ date });
  await Promise.all(keys.map((key) => deliverNotification({ key })));
  return { digests: keys.length };
}
