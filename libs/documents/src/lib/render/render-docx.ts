import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import type { DocumentLayout, LayoutBlock } from '../compose/document-layout';
import { A4_MM, DOCX_FONTS, INDENT_CHARS, LINE_PITCH_PT, MARGINS_MM, OFFICIAL_RED, SIZE_PT } from './official-page';

const twips = (pt: number) => Math.round(pt * 20);
/** Rounded, not floored as docx's own helper does: A4 is 11906 × 16838 twips, as Word writes it. */
const mmTwips = (mm: number) => Math.round((mm * 1440) / 25.4);
const halfPoints = (pt: number) => pt * 2;
const bodyChars = (n: number) => twips(SIZE_PT.body * n);

/** Every script slot named, so Word and WPS use the Chinese font for Chinese and digits alike. */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' });

const run = (text: string, fontName: string, sizePt: number, color?: string) =>
  new TextRun({ text, font: font(fontName), size: halfPoints(sizePt), sizeComplexScript: halfPoints(sizePt), color });

const exactLines: IParagraphOptions['spacing'] = { line: twips(LINE_PITCH_PT), lineRule: LineRuleType.EXACT };

/** The layout as a DOCX to edit in Word or WPS: A4, GB/T 9704 margins, 仿宋 text, 黑体 headings. */
export async function renderDocx(layout: DocumentLayout): Promise<Buffer> {
  const document = new Document({
    creator: layout.signature,
    title: layout.title,
    styles: { default: { document: { run: { font: font(DOCX_FONTS.body), size: halfPoints(SIZE_PT.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmTwips(A4_MM.width), height: mmTwips(A4_MM.height) },
            margin: {
              top: mmTwips(MARGINS_MM.top),
              bottom: mmTwips(MARGINS_MM.bottom),
              left: mmTwips(MARGINS_MM.left),
              right: mmTwips(MARGINS_MM.right),
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [...head(layout), ...layout.body.map(block), ...signOff(layout)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** 版头: the red issuer's mark, the number under it, and the red rule (§7.2). */
function head(layout: DocumentLayout): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: twips(LINE_PITCH_PT) },
      children: [run(layout.issuerHeader, DOCX_FONTS.display, SIZE_PT.issuerHeader, OFFICIAL_RED)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLines,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: OFFICIAL_RED, space: 12 } },
      children: [run(layout.docNo, DOCX_FONTS.body, SIZE_PT.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twips(LINE_PITCH_PT * 2), after: twips(LINE_PITCH_PT) },
      children: [run(layout.title, DOCX_FONTS.display, SIZE_PT.title)],
    }),
    new Paragraph({ spacing: exactLines, children: [run(layout.recipientLine, DOCX_FONTS.body, SIZE_PT.body)] }),
  ];
}

function block(item: LayoutBlock): Paragraph {
  const indented = { spacing: exactLines, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: bodyChars(INDENT_CHARS.paragraph) } };
  switch (item.type) {
    case 'heading':
      return new Paragraph({ ...indented, keepNext: true, children: [run(item.text, DOCX_FONTS.heading, SIZE_PT.body)] });
    case 'paragraph':
      return new Paragraph({ ...indented, children: [run(item.text, DOCX_FONTS.body, SIZE_PT.body)] });
    case 'finding':
      return new Paragraph({ ...indented, children: [run(`${item.label}${item.text}`, DOCX_FONTS.body, SIZE_PT.body)] });
  }
}

/** 署名 centred over 成文日期, which stands four characters from the right (§7.3.5.1). */
function signOff(layout: DocumentLayout): Paragraph[] {
  const dateIndent = INDENT_CHARS.dateFromRight;
  const signatureIndent = Math.max(0, dateIndent + (layout.date.length - layout.signature.length) / 2);
  const rightAligned = (text: string, indentChars: number, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { ...exactLines, before },
      indent: { right: bodyChars(indentChars) },
      children: [run(text, DOCX_FONTS.body, SIZE_PT.body)],
    });
  return [rightAligned(layout.signature, signatureIndent, twips(LINE_PITCH_PT * 2)), rightAligned(layout.date, dateIndent)];
}

/** 页码: — 1 — centred, 四号 (§7.5). */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(DOCX_FONTS.pageNumber),
            size: halfPoints(SIZE_PT.pageNumber),
          }),
        ],
      }),
    ],
  });
}
