import type {
  AddressedNotification,
  AddressingRegister,
  Notification,
  NotificationContext,
  NotifiedPerson,
  NotifyChannel,
  PlannedDelivery,
} from '@reform/contracts';
import { notificationRecipients } from './notification-recipients';
import { notificationText } from './notification-text';

export interface AddressingSettings {
  channels: readonly NotifyChannel[];
  timeZone: string;
}

const NO_ADDRESS: Record<'email' | 'wecom', string> = {
  email: '未登记电子邮箱 (no e-mail address in the people register)',
  wecom: '未登记企业微信账号 (no wecomUserId in the people register)',
};

/** The address of a person on a channel that reaches people one by one. */
export function addressOn(channel: 'email' | 'wecom', person: Pick<NotifiedPerson, 'email' | 'wecomUserId'>): string | null {
  return channel === 'email' ? person.email : person.wecomUserId;
}

/**
 * One delivery per (channel, person): the inbox has it at once; e-mail and WeCom wait in the
 * person's queue (in order), or fail at once, with the reason, where the register has no address
 * or nobody; the webhook takes the notification once, in no queue but its own.
 */
export function planDeliveries(
  notification: Notification,
  recipients: NotifiedPerson[],
  channels: readonly NotifyChannel[],
): PlannedDelivery[] {
  return channels.flatMap((channel): PlannedDelivery[] => {
    if (channel === 'webhook') {
      return [{ channel, personId: null, address: null, queue: `webhook:${notification.key}`, status: 'pending', lastError: null }];
    }
    if (channel === 'inbox') {
      return recipients.map((person) => ({
        channel,
        personId: person.personId,
        address: null,
        queue: `inbox:${person.personId}`,
        status: 'delivered',
        lastError: null,
      }));
    }
    if (recipients.length === 0) {
      const reason = '无人可达：登记簿中没有负责人、联络人或工作人员 (nobody to reach in the registers)';
      return [{ channel, personId: null, address: null, queue: `${channel}:${notification.key}`, status: 'failed', lastError: reason }];
    }
    return recipients.map((person) => {
      const address = addressOn(channel, person);
      return {
        channel,
        personId: person.personId,
        address,
        queue: `${channel}:${person.personId}`,
        status: address === null ? 'failed' : 'pending',
        lastError: address === null ? NO_ADDRESS[channel] : null,
      };
    });
  });
}

/** A notification's words, recipients and deliveries, from the registers as they stand now. */
export function addressNotification(
  notification: Notification,
  context: NotificationContext,
  register: AddressingRegister,
  settings: AddressingSettings,
): AddressedNotification {
  const recipients = notificationRecipients(notification.recipient, context, register);
  return {
    notification,
    context,
    text: notificationText(notification, context, settings.timeZone),
    recipients,
    deliveries: planDeliveries(notification, recipients, settings.channels),
  };
}
