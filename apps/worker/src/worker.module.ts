import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule, AppConfigService, LoggingModule } from '@reform/config';
import { dataSourceOptions } from '@reform/persistence';
import { ActivitiesModule } from './activities/activities.module';
import { WorkerHealthService } from './health/worker-health.service';
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
  ],
  providers: [TemporalWorkerService, WorkerHealthService],
})
export class WorkerModule {}
