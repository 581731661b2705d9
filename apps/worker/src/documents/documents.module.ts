import { Module } from '@nestjs/common';
import { FileStorageModule } from '@reform/persistence';
import { DocumentActivitiesService } from './document-activities';

/** The documents the workflows issue, rendered into the file store (FILE_STORE). */
@Module({
  imports: [FileStorageModule],
  providers: [DocumentActivitiesService],
  exports: [DocumentActivitiesService],
})
export class DocumentsModule {}
