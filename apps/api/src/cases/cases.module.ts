import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { ReformWorkflowsModule } from '../temporal/reform-workflows.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [ReadModelModule, ReformWorkflowsModule],
  controllers: [CasesController],
  providers: [CasesService],
})
export class CasesModule {}
