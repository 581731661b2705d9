import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { FileStorageModule } from './file-storage.module';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

@Module({
  imports: [ReadModelModule, FileStorageModule],
  controllers: [FilesController],
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule {}
