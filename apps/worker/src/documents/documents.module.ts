import { Logger, Module } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { FileStorageModule } from '@reform/persistence';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentActivitiesService } from './document-activities';
import { DocumentRenderer, InlineDocumentRenderer, ThreadedDocumentRenderer } from './document-renderer';

/** Built next to main.js by the worker's webpack config; absent when the worker runs from source. */
const RENDER_THREAD_SCRIPT = join(__dirname, 'render-thread.js');

async function startRenderer(config: AppConfigService): Promise<DocumentRenderer> {
  const logger = new Logger(DocumentRenderer.name);
  if (existsSync(RENDER_THREAD_SCRIPT))
    return ThreadedDocumentRenderer.start(RENDER_THREAD_SCRIPT, config.values.DOCUMENT_RENDER_SLOTS, logger);
  logger.warn(`no ${RENDER_THREAD_SCRIPT}: documents render on the main thread (running from source)`);
  return new InlineDocumentRenderer();
}

/** The documents the workflows issue, rendered off the main thread into the file store (FILE_STORE). */
@Module({
  imports: [FileStorageModule],
  providers: [DocumentActivitiesService, { provide: DocumentRenderer, useFactory: startRenderer, inject: [AppConfigService] }],
  exports: [DocumentActivitiesService],
})
export class DocumentsModule {}
