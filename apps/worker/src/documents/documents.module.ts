import { Module } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { createFileStore, DocumentStore, FileStore } from '@reform/persistence';
import { DataSource } from 'typeorm';
import { DocumentActivitiesService } from './document-activities';

/** The documents the workflows issue, and the file store (FILE_STORE) their renderings are kept in. */
@Module({
  providers: [
    {
      provide: FileStore,
      inject: [DataSource, AppConfigService],
      useFactory: (dataSource: DataSource, config: AppConfigService) => createFileStore(config.values.files.store, dataSource),
    },
    { provide: DocumentStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new DocumentStore(dataSource) },
    DocumentActivitiesService,
  ],
  exports: [DocumentActivitiesService],
})
export class DocumentsModule {}
