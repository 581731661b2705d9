import { Module } from '@nestjs/common';
import { AppConfigModule, LoggingModule } from '@reform/config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { TemporalClientModule } from './temporal/temporal-client.module';

@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, TemporalClientModule, HealthModule],
})
export class AppModule {}
