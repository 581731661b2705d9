import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { InterviewActivitiesService } from '../interviews/interview-activities';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { ActivitiesRegistry } from './activities.registry';
import { NotificationActivitiesService } from './notification.activities';
import { ProjectionActivitiesService } from './projection.activities';

/** The worker's activities; the DataSource comes from WorkerModule's TypeORM root. */
@Module({
  imports: [ReconciliationModule, DocumentsModule],
  providers: [ProjectionActivitiesService, NotificationActivitiesService, InterviewActivitiesService, ActivitiesRegistry],
  exports: [ActivitiesRegistry],
})
export class ActivitiesModule {}
