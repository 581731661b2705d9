import { Module } from '@nestjs/common';
import { FileStorageModule } from '@reform/persistence';
import { ReadModelModule } from '../read-model/read-model.module';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

@Module({
  imports: [ReadModelModule, FileStorageModule],
  controllers: [FilesController],
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule {}
