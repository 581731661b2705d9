import { Module } from '@nestjs/common';
import { FileStorageModule } from '@reform/persistence';
import { FilesModule } from '../files/files.module';
import { FindingsModule } from '../findings/findings.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [ReadModelModule, FileStorageModule, FilesModule, FindingsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
