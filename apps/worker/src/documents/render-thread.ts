import { loadDocumentFont, renderDocument, type DocumentFont } from '@reform/documents';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { RENDER_THREAD_NICE, type RenderJob, type RenderThreadMessage } from './render-protocol';

// The entry of a render thread (webpack's render-thread.js next to main.js): a PDF costs ~70 ms of
// CPU, which on the worker's main thread would stall every projection activity's I/O meanwhile.
const port = parentPort;
if (!port) throw new Error('render-thread runs as a worker thread of the worker');
const send = (message: RenderThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let font: DocumentFont | undefined;
try {
  setPriority(RENDER_THREAD_NICE);
} catch {
  // A host that forbids it renders at normal priority: slower storms, same documents.
}
try {
  font = loadDocumentFont();
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed-to-start', message: (error as Error).message });
}

port.on('message', async ({ id, layout }: RenderJob) => {
  try {
    const { pdf, docx } = await renderDocument(layout, font as DocumentFont);
    const buffers = [pdf, docx].map(
      (buffer) => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
    );
    send({ type: 'rendered', id, pdf: new Uint8Array(buffers[0]), docx: new Uint8Array(buffers[1]) }, buffers);
  } catch (error) {
    send({ type: 'render-failed', id, message: (error as Error).message });
  }
});
