import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { compose } from '../compose/compose';
import { loadDocumentTemplates } from '../template/load-document-templates';
import { defaultDocumentTemplatesDir } from '../template/templates-dir';
import { sampleDocumentFacts } from '../testing/sample-facts';
import { loadDocumentFont } from './document-font';
import { renderPdf } from './render-pdf';

const templates = loadDocumentTemplates(defaultDocumentTemplatesDir({}));
const font = loadDocumentFont({});

function dictsOfType(pdf: PDFDocument, type: string): PDFDict[] {
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of(type));
}

const streamText = (pdf: PDFDocument, ref: unknown) =>
  Buffer.from(decodePDFRawStream(pdf.context.lookup(ref as PDFRef) as PDFRawStream).decode()).toString('latin1');

describe('renderPdf', () => {
  it('writes a PDF that parses, with the CJK font embedded as a subset holding the number’s characters', async () => {
    const facts = sampleDocumentFacts('supervision_notice');
    const pdf = await PDFDocument.load(await renderPdf(compose(templates.supervision_notice, facts), font));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getPage(0).getSize().width).toBeCloseTo(595.28, 1);

    const descriptors = dictsOfType(pdf, 'FontDescriptor');
    const embedded = descriptors.filter((d) => d.has(PDFName.of('FontFile2')) || d.has(PDFName.of('FontFile3')));
    expect(embedded.length).toBeGreaterThan(0);
    // A subset's name carries a six-letter tag: ABCDEF+NotoSerifCJKsc-Regular.
    expect(embedded[0].get(PDFName.of('FontName'))?.toString()).toMatch(/^\/[A-Z]{6}\+NotoSerifCJKsc-Regular$/);

    const type0 = dictsOfType(pdf, 'Font').find((f) => f.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
    const toUnicode = streamText(pdf, type0?.get(PDFName.of('ToUnicode'))).toLowerCase();
    for (const char of new Set(facts.docNo)) {
      expect(toUnicode).toContain(`<${(char.codePointAt(0) as number).toString(16).padStart(4, '0')}>`);
    }
  });

  it('renders the same layout to the same bytes', async () => {
    const layout = compose(templates.interview_notice, sampleDocumentFacts('interview_notice'));
    expect((await renderPdf(layout, font)).equals(await renderPdf(layout, font))).toBe(true);
  });
});

describe('loadDocumentFont', () => {
  it('parses the font once', () => {
    expect(loadDocumentFont({})).toBe(font);
  });

  it('names the variable and the package when the font cannot be read', () => {
    expect(() => loadDocumentFont({ DOCUMENT_FONT: '/nonexistent/font.ttf' })).toThrow(
      /DOCUMENT_FONT=\/nonexistent\/font\.ttf: cannot read it .*apt-get install fonts-noto-cjk/,
    );
  });

  it('names DOCUMENT_FONT_FAMILY when the collection has no such face', () => {
    expect(() => loadDocumentFont({ DOCUMENT_FONT_FAMILY: 'NoSuchFace' })).toThrow(/DOCUMENT_FONT_FAMILY=NoSuchFace/);
  });
});
