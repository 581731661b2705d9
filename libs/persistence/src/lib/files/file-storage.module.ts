import { Module } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { DataSource } from 'typeorm';
import { DocumentStore } from '../document-store';
import { createFileStore } from './create-blob-store';
import { FileStore } from './file-store';

/** The file store on the configured driver (FILE_STORE), and the documents kept in it: one for the API and the worker alike. */
@Module({
  providers: [
    {
      provide: FileStore,
      inject: [DataSource, AppConfigService],
      useFactory: (dataSource: DataSource, config: AppConfigService) => createFileStore(config.values.files.store, dataSource),
    },
    { provide: DocumentStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new DocumentStore(dataSource) },
  ],
  exports: [FileStore, DocumentStore],
})
export class FileStorageModule {}
