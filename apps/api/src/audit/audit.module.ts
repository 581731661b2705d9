import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({ imports: [ReadModelModule], controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
