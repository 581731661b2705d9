import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { FilesModule } from '../files/files.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { ReformWorkflowsModule } from '../temporal/reform-workflows.module';
import { FindingStepsController } from './finding-steps.controller';
import { FindingStepsService } from './finding-steps.service';
import { FindingsController } from './findings.controller';
import { FindingsService } from './findings.service';

@Module({
  imports: [ReadModelModule, ReformWorkflowsModule, DeadlinesModule, FilesModule],
  controllers: [FindingsController, FindingStepsController],
  providers: [FindingsService, FindingStepsService],
  exports: [FindingsService],
})
export class FindingsModule {}
