import type { DocumentLayout } from '@reform/documents';

/** What the worker's main thread asks a render thread, and what it answers. */
export interface RenderJob {
  id: number;
  layout: DocumentLayout;
}

export type RenderThreadMessage =
  | { type: 'ready' }
  | { type: 'failed-to-start'; message: string }
  | { type: 'rendered'; id: number; pdf: Uint8Array; docx: Uint8Array }
  | { type: 'render-failed'; id: number; message: string };

/**
 * The render threads' nice value: on Linux a thread's own, so rendering gets the CPU that the
 * projections, the workflows and PostgreSQL leave, and a deadline storm's OVERDUE rows come first.
 */
export const RENDER_THREAD_NICE = 10;
