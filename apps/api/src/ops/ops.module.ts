import { Module } from '@nestjs/common';
import { ReconciliationStore } from '@reform/persistence';
import { DataSource } from 'typeorm';
import { OpsController } from './ops.controller';
import { OpsService } from './ops.service';

@Module({
  controllers: [OpsController],
  providers: [
    OpsService,
    { provide: ReconciliationStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new ReconciliationStore(dataSource) },
  ],
})
export class OpsModule {}
