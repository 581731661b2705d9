import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { InterviewActivitiesService } from '../interviews/interview-activities';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { ActivitiesRegistry } from './activities.registry';
import { ProjectionActivitiesService } from './projection.activities';

/** The worker's activities; the DataSource comes from WorkerModule's TypeORM root. */
@Module({
  imports: [ReconciliationModule, DocumentsModule, NotificationsModule],
  providers: [ProjectionActivitiesService, InterviewActivitiesService, ActivitiesRegistry],
  exports: [ActivitiesRegistry],
})
export class ActivitiesModule {}
