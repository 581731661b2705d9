import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

@Module({ imports: [ReadModelModule], controllers: [ApprovalsController], providers: [ApprovalsService] })
export class ApprovalsModule {}
