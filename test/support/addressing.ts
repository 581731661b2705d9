import type { NotificationAddresser, NotifyChannel } from '@reform/contracts';
import { addressNotification } from '@reform/domain';

/** How a worker with these channels addresses notifications (the domain's rules, Beijing time). */
export function addresser(channels: readonly NotifyChannel[] = ['inbox']): NotificationAddresser {
  return (notification, context, register) => addressNotification(notification, context, register, { channels, timeZone: 'Asia/Shanghai' });
}
