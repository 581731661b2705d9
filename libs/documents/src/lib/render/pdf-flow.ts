import { breakCjkLines } from '../text/cjk-line-break';
import { LINE_PITCH_PT } from './official-page';

type Align = 'left' | 'center' | 'justify';

/**
 * Lays text down line by line on the 版心 at a fixed pitch, starting pages as they fill: pdfkit's
 * own wrapping breaks at spaces, which Chinese text does not have.
 */
export class PdfFlow {
  y: number;
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.y = doc.page.margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** A paragraph at `sizePt`, one line per `pitch`; full lines of a justified one reach the right edge. */
  paragraph(text: string, sizePt: number, options: { align: Align; indent?: number; pitch?: number }): void {
    const { align, indent = 0, pitch = LINE_PITCH_PT } = options;
    this.doc.fontSize(sizePt);
    for (const [index, line] of breakCjkLines(text, this.width, indent, (part) => this.measure(part, sizePt)).entries()) {
      this.room(pitch);
      const offset = index === 0 ? indent : 0;
      const room = this.width - offset;
      const chars = [...line.text].length;
      const stretch = align === 'justify' && !line.last && chars > 1 ? (room - line.width) / (chars - 1) : 0;
      const x = this.left + (align === 'center' ? (this.width - line.width) / 2 : offset);
      this.doc.text(line.text, x, this.baselineTop(sizePt, pitch), { lineBreak: false, characterSpacing: stretch });
      this.y += pitch;
    }
  }

  /** One line whose right end stands `fromRight` points from the 版心's right edge, or centred on `centre`. */
  line(text: string, sizePt: number, place: { fromRight: number } | { centre: number }): void {
    this.doc.fontSize(sizePt);
    const width = this.measure(text, sizePt);
    const x = 'centre' in place ? place.centre - width / 2 : this.left + this.width - place.fromRight - width;
    this.doc.text(text, x, this.baselineTop(sizePt, LINE_PITCH_PT), { lineBreak: false });
  }

  /** Starts a new page unless `height` more points fit on this one. */
  room(height: number): void {
    if (this.y + height <= this.doc.page.height - this.doc.page.margins.bottom) return;
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  measure(text: string, sizePt: number): number {
    const key = `${sizePt}:${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.doc.fontSize(sizePt);
      width = this.doc.widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  /** The top of the text box that centres a line of `sizePt` in a line slot of `pitch`. */
  private baselineTop(sizePt: number, pitch: number): number {
    return this.y + (pitch - this.doc.currentLineHeight(false)) / 2;
  }
}
