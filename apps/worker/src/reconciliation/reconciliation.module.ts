import { Module } from '@nestjs/common';
import { ReconciliationActivitiesService } from './reconciliation.activities';
import { ReconciliationScheduleService } from './reconciliation-schedule.service';

/** 对账 — the reconciliation activities and the Schedule that runs them; needs the global Temporal Client. */
@Module({
  providers: [ReconciliationActivitiesService, ReconciliationScheduleService],
  exports: [ReconciliationActivitiesService],
})
export class ReconciliationModule {}
