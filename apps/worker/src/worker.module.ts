import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule, AppConfigService, LoggingModule } from '@reform/config';
import { dataSourceOptions } from '@reform/persistence';
import { ActivitiesModule } from './activities/activities.module';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => dataSourceOptions(config.values.DATABASE_URL),
    }),
    ActivitiesModule,
  ],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
