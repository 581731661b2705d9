import type { DocumentLayout } from '../compose/document-layout';
import type { DocumentFont } from './document-font';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

/** The PDF and DOCX of one layout. */
export interface Renderings {
  pdf: Buffer;
  docx: Buffer;
}

/** Both renderings of a layout, as a document is issued with them. */
export async function renderDocument(layout: DocumentLayout, font: DocumentFont): Promise<Renderings> {
  const [pdf, docx] = await Promise.all([renderPdf(layout, font), renderDocx(layout)]);
  return { pdf, docx };
}
