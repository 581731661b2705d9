import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [ReadModelModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
