import { DOCUMENT_KINDS } from '@reform/contracts';
import { loadDocumentTemplates } from '../template/load-document-templates';
import { defaultDocumentTemplatesDir } from '../template/templates-dir';
import { sampleDocumentFacts } from '../testing/sample-facts';
import { compose } from './compose';

const templates = loadDocumentTemplates(defaultDocumentTemplatesDir({}));
const allText = (layout: ReturnType<typeof compose>) => layout.body.map((block) => block.text).join('\n');

describe('compose', () => {
  it.each(DOCUMENT_KINDS)('fills the shipped %s template, leaving no placeholder', (kind) => {
    const facts = sampleDocumentFacts(kind);
    const layout = compose(templates[kind], facts);
    expect(layout.issuerHeader).toBe(facts.issuerName);
    expect(layout.recipientLine).toBe(`${facts.recipientName}：`);
    expect(layout.docNo).toBe(facts.docNo);
    expect(layout.date).toBe('二〇二六年十二月二日');
    expect(`${layout.title}${allText(layout)}${layout.signature}`).not.toMatch(/[{}]/);
    expect(allText(layout)).toContain(facts.caseCode);
  });

  it('numbers the findings （一）（二）… with their deadlines as Beijing calendar days', () => {
    const layout = compose(templates.supervision_notice, sampleDocumentFacts('supervision_notice'));
    const findings = layout.body.filter((block) => block.type === 'finding');
    expect(findings.map((f) => f.type === 'finding' && f.label)).toEqual(['（一）', '（二）', '（三）']);
    // 2026-11-30T15:59:59Z is 23:59:59 on 30 November in Beijing.
    expect(findings[0]).toMatchObject({ title: '专项资金审批“一支笔”，集体决策制度未落实', dueDate: '二〇二六年十一月三十日' });
    expect(allText(layout)).toContain('最早一项为二〇二六年十一月三十日');
  });

  it('puts a recommendation together from its causes, measures and reply deadline, one paragraph per line', () => {
    const layout = compose(templates.recommendation, sampleDocumentFacts('recommendation'));
    const text = allText(layout);
    expect(text).toContain('\n一是党组主体责任落实不到位');
    expect(text).toContain('\n（二）全面清理近三年惠农补贴发放台账');
    expect(text).toContain('二〇二七年一月十五日前');
  });

  it('refuses facts that lack a field the template fills, or that list no finding', () => {
    const { causeAnalysis: _, ...facts } = sampleDocumentFacts('recommendation');
    expect(() => compose(templates.recommendation, facts)).toThrow(/recommendation\.json fills \{causeAnalysis\}/);
    expect(() => compose(templates.supervision_notice, { ...sampleDocumentFacts('supervision_notice'), findings: [] })).toThrow(
      /at least one finding/,
    );
    expect(() => compose(templates.supervision_notice, sampleDocumentFacts('interview_notice'))).toThrow(/cannot compose/);
  });

  it('addresses an accountability proposal to the party organisation, naming the unit in the text', () => {
    const layout = compose(templates.accountability_proposal, sampleDocumentFacts('accountability_proposal'));
    expect(layout.recipientLine).toBe('中共清河县委：');
    expect(allText(layout)).toContain('清河县财政局承担的');
    expect(allText(layout)).toContain('《中国共产党问责条例》');
  });
});
