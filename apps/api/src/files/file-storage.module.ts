import { Module } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { createFileStore, DocumentStore, FileStore } from '@reform/persistence';
import { DataSource } from 'typeorm';

/** The file store on the configured driver (FILE_STORE), and the documents kept in it. */
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
