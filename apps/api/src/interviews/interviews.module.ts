import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { ReformWorkflowsModule } from '../temporal/reform-workflows.module';
import { InterviewsController } from './interviews.controller';
import { InterviewsService } from './interviews.service';

/** 约谈 — interviews proposed at escalation level 2, scheduled and recorded. */
@Module({
  imports: [ReadModelModule, ReformWorkflowsModule, FilesModule],
  controllers: [InterviewsController],
  providers: [InterviewsService],
})
export class InterviewsModule {}
