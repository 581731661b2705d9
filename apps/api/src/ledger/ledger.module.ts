import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

@Module({ imports: [ReadModelModule], controllers: [LedgerController], providers: [LedgerService] })
export class LedgerModule {}
