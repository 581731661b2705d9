import PDFDocument from 'pdfkit';
import type { DocumentLayout, LayoutBlock } from '../compose/document-layout';
import type { DocumentFont } from './document-font';
import { A4_MM, INDENT_CHARS, LINE_PITCH_PT, MARGINS_MM, MM_TO_PT, OFFICIAL_RED, SIZE_PT } from './official-page';
import { PdfFlow } from './pdf-flow';

const FONT = 'document';
const pt = (mm: number) => mm * MM_TO_PT;
const bodyIndent = SIZE_PT.body * INDENT_CHARS.paragraph;

/** The layout as a PDF to print and archive: A4, GB/T 9704 margins, the CJK font embedded as a subset. */
export function renderPdf(layout: DocumentLayout, font: DocumentFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [pt(A4_MM.width), pt(A4_MM.height)],
    margins: { top: pt(MARGINS_MM.top), bottom: pt(MARGINS_MM.bottom), left: pt(MARGINS_MM.left), right: pt(MARGINS_MM.right) },
    bufferPages: true,
    // The issue date, not the clock: the same layout renders to the same bytes.
    info: { Title: layout.title, Author: layout.signature, Subject: layout.docNo, CreationDate: new Date(layout.issuedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed face as well as bytes; its typings list only the latter.
  doc.registerFont(FONT, font.face as unknown as Buffer);
  doc.font(FONT);
  const flow = new PdfFlow(doc);
  drawHead(doc, flow, layout);
  for (const block of layout.body) drawBlock(flow, block);
  drawSignOff(flow, layout);
  numberPages(doc, flow);
  doc.end();
  return done;
}

/** 版头: the red issuer's mark, the number, the red rule 4 mm under it (§7.2); then title and 主送. */
function drawHead(doc: PDFKit.PDFDocument, flow: PdfFlow, layout: DocumentLayout): void {
  // A long issuer name shrinks to one line rather than wrapping the mark.
  const natural = flow.measure(layout.issuerHeader, SIZE_PT.issuerHeader);
  const headerSize = Math.min(SIZE_PT.issuerHeader, (SIZE_PT.issuerHeader * flow.width) / natural);
  doc.fillColor(`#${OFFICIAL_RED}`);
  flow.paragraph(layout.issuerHeader, headerSize, { align: 'center', pitch: headerSize * 1.5 });
  doc.fillColor('black');
  flow.y += LINE_PITCH_PT;
  flow.paragraph(layout.docNo, SIZE_PT.body, { align: 'center' });
  const ruleY = flow.y + pt(4) - LINE_PITCH_PT / 4;
  doc
    .moveTo(flow.left, ruleY)
    .lineTo(flow.left + flow.width, ruleY)
    .lineWidth(1.5)
    .strokeColor(`#${OFFICIAL_RED}`)
    .stroke();
  flow.y = ruleY + LINE_PITCH_PT * 1.5;
  flow.paragraph(layout.title, SIZE_PT.title, { align: 'center', pitch: SIZE_PT.title * 1.6 });
  flow.y += LINE_PITCH_PT / 2;
  flow.paragraph(layout.recipientLine, SIZE_PT.body, { align: 'justify' });
}

function drawBlock(flow: PdfFlow, block: LayoutBlock): void {
  const text = block.type === 'finding' ? `${block.label}${block.text}` : block.text;
  flow.paragraph(text, SIZE_PT.body, { align: 'justify', indent: bodyIndent });
}

/** 署名 centred over 成文日期, which stands four characters from the right (§7.3.5.1); kept on one page. */
function drawSignOff(flow: PdfFlow, layout: DocumentLayout): void {
  flow.y += LINE_PITCH_PT * 2;
  flow.room(LINE_PITCH_PT * 2);
  const fromRight = SIZE_PT.body * INDENT_CHARS.dateFromRight;
  const dateWidth = flow.measure(layout.date, SIZE_PT.body);
  const centre = flow.left + flow.width - fromRight - dateWidth / 2;
  flow.line(layout.signature, SIZE_PT.body, { centre });
  flow.y += LINE_PITCH_PT;
  flow.line(layout.date, SIZE_PT.body, { fromRight });
  flow.y += LINE_PITCH_PT;
}

/** — 1 — under the 版心 of every page, 四号 (§7.5). */
function numberPages(doc: PDFKit.PDFDocument, flow: PdfFlow): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const label = `— ${index + 1} —`;
    const x = flow.left + (flow.width - flow.measure(label, SIZE_PT.pageNumber)) / 2;
    doc.fontSize(SIZE_PT.pageNumber).text(label, x, doc.page.height - doc.page.margins.bottom + pt(7), { lineBreak: false });
  }
}
