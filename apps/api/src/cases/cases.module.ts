import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { ReformWorkflowsModule } from '../temporal/reform-workflows.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseImportController } from './import/case-import.controller';
import { CaseImportService } from './import/case-import.service';

@Module({
  imports: [ReadModelModule, ReformWorkflowsModule, DeadlinesModule],
  controllers: [CasesController, CaseImportController],
  providers: [CasesService, CaseImportService],
})
export class CasesModule {}
