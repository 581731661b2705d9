import type { OnModuleDestroy } from '@nestjs/common';
import { loadDocumentFont, renderDocument, type DocumentFont, type DocumentLayout, type Renderings } from '@reform/documents';
import { Worker } from 'node:worker_threads';
import type { RenderThreadMessage } from './render-protocol';

/** Where a renderer says that a thread failed: the worker's Nest logger. */
export interface RendererLog {
  warn(message: string): void;
  error(message: string): void;
}

interface Pending {
  resolve: (renderings: Renderings) => void;
  reject: (error: Error) => void;
}

interface RenderThread {
  worker: Worker;
  busy?: { id: number } & Pending;
}

/** Renders layouts to PDF and DOCX; the Nest token DocumentsModule provides one under. */
export abstract class DocumentRenderer implements OnModuleDestroy {
  abstract render(layout: DocumentLayout): Promise<Renderings>;
  abstract close(): Promise<void>;

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

/** On the calling thread: for tests and for running the worker from source, where no render-thread.js is built. */
export class InlineDocumentRenderer extends DocumentRenderer {
  private readonly font: DocumentFont = loadDocumentFont();

  render(layout: DocumentLayout): Promise<Renderings> {
    return renderDocument(layout, this.font);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}

/**
 * `threads` worker threads running `script` (render-thread.js), each one layout at a time; more
 * layouts wait in order. A thread that dies fails its layout (the activity retries it) and is
 * replaced.
 */
export class ThreadedDocumentRenderer extends DocumentRenderer {
  private readonly threads: RenderThread[] = [];
  private readonly waiting: Array<{ id: number; layout: DocumentLayout } & Pending> = [];
  private nextId = 1;
  private closing = false;

  private constructor(
    private readonly script: string,
    private readonly logger: RendererLog,
  ) {
    super();
  }

  /** Starts the threads and waits until each has its font: a missing font stops the worker at start, with its name. */
  static async start(script: string, threads: number, logger: RendererLog): Promise<ThreadedDocumentRenderer> {
    const renderer = new ThreadedDocumentRenderer(script, logger);
    try {
      for (let index = 0; index < threads; index++) await renderer.startThread();
    } catch (error) {
      await renderer.close();
      throw error;
    }
    return renderer;
  }

  render(layout: DocumentLayout): Promise<Renderings> {
    if (this.closing) return Promise.reject(new Error('the document renderer is shut down'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, layout, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('the document renderer is shut down'));
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (thread.busy) continue;
      const job = this.waiting.shift();
      if (!job) return;
      thread.busy = job;
      thread.worker.postMessage({ id: job.id, layout: job.layout });
    }
  }

  private startThread(): Promise<void> {
    const worker = new Worker(this.script);
    const thread: RenderThread = { worker };
    return new Promise((ready, failed) => {
      let started = false;
      worker.on('message', (message: RenderThreadMessage) => {
        if (message.type === 'ready') {
          started = true;
          this.threads.push(thread);
          ready();
          this.dispatch();
        } else if (message.type === 'failed-to-start') {
          failed(new Error(message.message));
          void worker.terminate();
        } else if (thread.busy?.id === message.id) {
          const job = thread.busy;
          thread.busy = undefined;
          if (message.type === 'rendered') job.resolve({ pdf: Buffer.from(message.pdf.buffer), docx: Buffer.from(message.docx.buffer) });
          else job.reject(new Error(`rendering failed: ${message.message}`));
          this.dispatch();
        }
      });
      worker.on('error', (error) => {
        if (!started) failed(error);
        else this.logger.error(`a render thread failed: ${error.message}`);
      });
      worker.on('exit', (code) => {
        if (!started) return failed(new Error(`the render thread exited with code ${code} before it started`));
        this.replace(thread, code);
      });
    });
  }

  private replace(thread: RenderThread, code: number): void {
    const index = this.threads.indexOf(thread);
    if (index >= 0) this.threads.splice(index, 1);
    thread.busy?.reject(new Error(`the render thread exited with code ${code} while rendering`));
    if (this.closing) return;
    this.logger.warn(`a render thread exited with code ${code}; starting another`);
    this.startThread().catch((error: Error) => {
      this.logger.error(`no render thread could be started again: ${error.message}`);
      if (this.threads.length > 0) return;
      for (const job of this.waiting.splice(0)) job.reject(new Error(`no render thread is running: ${error.message}`));
    });
  }
}
