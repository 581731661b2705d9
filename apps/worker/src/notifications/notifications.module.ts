import { Module } from '@nestjs/common';
import { DeliveryActivitiesService } from './delivery.activities';
import { DigestComposer } from './digest-composer';
import { DigestScheduleService } from './digest-schedule.service';
import { NotificationAddressing } from './notification-addressing';

/** Notifications: addressing them when recorded, delivering them on every channel, the daily digest. */
@Module({
  providers: [NotificationAddressing, DigestComposer, DeliveryActivitiesService, DigestScheduleService],
  exports: [NotificationAddressing, DeliveryActivitiesService],
})
export class NotificationsModule {}
