import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule, AppConfigService, LoggingModule } from '@reform/config';
import { dataSourceOptions } from '@reform/persistence';
import { ActivitiesModule } from './activities/activities.module';
import { WorkerHealthService } from './health/worker-health.service';
import { WorkerMetricsModule } from './metrics/worker-metrics.module';
import { ActivityInterceptorsModule } from './temporal/activity-interceptors.module';
import { TemporalClientModule } from '@reform/temporal';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => dataSourceOptions(config.values.DATABASE_URL),
    }),
    TemporalClientModule,
    ActivitiesModule,
    ActivityInterceptorsModule,
    WorkerMetricsModule,
  ],
  providers: [TemporalWorkerService, WorkerHealthService],
})
export class WorkerModule {}
