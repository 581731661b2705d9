import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import type { NotificationAddresser } from '@reform/contracts';
import { addressNotification } from '@reform/domain';

/** How this deployment addresses a notification: the domain's rules with its channels and TZ_BUSINESS. */
@Injectable()
export class NotificationAddressing {
  readonly address: NotificationAddresser;

  constructor(config: AppConfigService) {
    const settings = { channels: config.values.notify.channels, timeZone: config.values.TZ_BUSINESS };
    this.address = (notification, context, register) => addressNotification(notification, context, register, settings);
  }
}
