import { chineseNumber } from '../text/chinese-numerals';
import { chineseDate } from '../text/chinese-date';
import type { DocumentTemplate } from '../template/document-template';
import { fill, type DocumentField, type OptionalField, type TemplateField } from '../template/placeholders';
import type { DocumentFacts } from './document-facts';
import type { DocumentLayout, LayoutBlock } from './document-layout';

/** Fills a template with one document's facts: the layout both renderers draw. */
export function compose(template: DocumentTemplate, facts: DocumentFacts): DocumentLayout {
  if (template.kind !== facts.kind) throw new Error(`the ${template.kind} template cannot compose a ${facts.kind}`);
  if (facts.findings.length === 0) throw new Error(`a ${facts.kind} must list at least one finding`);
  const values = fieldValues(facts);
  const absent = template.fields.filter((field) => values[field] === undefined);
  if (absent.length > 0) throw new Error(`${template.source} fills ${absent.map((f) => `{${f}}`).join(', ')}, which the facts do not give`);

  const paragraphs = (texts: string[]): LayoutBlock[] =>
    // A multi-line value (causeAnalysis, measures) is one paragraph per line.
    texts.flatMap((text) => splitLines(fill(text, values)).map((line): LayoutBlock => ({ type: 'paragraph', text: line })));
  const findings = facts.findings.map((finding, i): LayoutBlock => {
    const dueDate = chineseDate(finding.dueAt, facts.timeZone);
    const text = fill(template.findingItem, { ...values, findingTitle: finding.title, findingDueDate: dueDate });
    return { type: 'finding', label: `（${chineseNumber(i + 1)}）`, text, title: finding.title, dueDate };
  });

  return {
    kind: facts.kind,
    issuerHeader: fill(template.issuerHeader, values),
    docNo: facts.docNo,
    title: fill(template.title, values),
    recipientLine: fill(template.salutation, values),
    body: [
      ...paragraphs(template.paragraphs),
      { type: 'heading', text: fill(template.findingsHeading, values) },
      ...findings,
      ...template.sections.flatMap((section): LayoutBlock[] => [
        { type: 'heading', text: fill(section.heading, values) },
        ...paragraphs(section.paragraphs),
      ]),
      ...paragraphs(template.closing),
    ],
    signature: fill(template.signature, values),
    date: values.issuedDate,
    issuedAt: facts.issuedAt,
  };
}

type FieldValues = Record<Exclude<DocumentField, OptionalField>, string> & Partial<Record<TemplateField, string>>;

function fieldValues(facts: DocumentFacts): FieldValues {
  const earliestDueAt = facts.findings.map((f) => f.dueAt).reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
  const date = (iso: string | undefined) => (iso === undefined ? undefined : chineseDate(iso, facts.timeZone));
  return {
    issuerName: facts.issuerName,
    recipientName: facts.recipientName,
    unitName: facts.unitName ?? facts.recipientName,
    caseTitle: facts.caseTitle,
    caseCode: facts.caseCode,
    docNo: facts.docNo,
    findingCount: String(facts.findings.length),
    issuedDate: chineseDate(facts.issuedAt, facts.timeZone),
    earliestDueDate: chineseDate(earliestDueAt, facts.timeZone),
    causeAnalysis: blankToUndefined(facts.causeAnalysis),
    measures: blankToUndefined(facts.measures),
    replyDueDate: date(facts.replyDueAt),
    interviewTime: blankToUndefined(facts.interviewTime),
    interviewPlace: blankToUndefined(facts.interviewPlace),
    contact: blankToUndefined(facts.contact),
  };
}

const blankToUndefined = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);
const splitLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
