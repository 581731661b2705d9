import JSZip from 'jszip';
import { compose } from '../compose/compose';
import { loadDocumentTemplates } from '../template/load-document-templates';
import { defaultDocumentTemplatesDir } from '../template/templates-dir';
import { sampleDocumentFacts } from '../testing/sample-facts';
import { renderDocx } from './render-docx';

const templates = loadDocumentTemplates(defaultDocumentTemplatesDir({}));

describe('renderDocx', () => {
  it('writes a DOCX whose document.xml holds the recipient, the number, every finding and the official fonts', async () => {
    const facts = sampleDocumentFacts('supervision_notice');
    const docx = await renderDocx(compose(templates.supervision_notice, facts));
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toBeDefined();
    expect(xml).toContain(facts.recipientName);
    expect(xml).toContain(facts.docNo);
    for (const finding of facts.findings) expect(xml).toContain(finding.title);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    // The red issuer's mark and rule.
    expect(xml).toContain('w:color w:val="FF0000"');
    expect(xml).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
  });

  it('sets A4 with the GB/T 9704 margins (twips: top 37 mm, bottom 35, left 28, right 26)', async () => {
    const docx = await renderDocx(compose(templates.recommendation, sampleDocumentFacts('recommendation')));
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });
});
