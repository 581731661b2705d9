import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { ReformWorkflowsModule } from '../temporal/reform-workflows.module';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationDeliveriesService } from './notification-deliveries.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** 通知 — each person's inbox, and the outbox of deliveries for operators. */
@Module({
  imports: [ReadModelModule, ReformWorkflowsModule],
  controllers: [NotificationsController, NotificationDeliveriesController],
  providers: [NotificationsService, NotificationDeliveriesService],
})
export class NotificationsModule {}
