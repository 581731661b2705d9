/**
 * The fields a template may fill, as `{name}`. Every document knows the first group; the second
 * only when the issuer supplies it (a template that uses one needs it in the facts); the third
 * only inside `findingItem`, once per finding.
 */
export const DOCUMENT_FIELDS = [
  'issuerName',
  'recipientName',
  'unitName',
  'caseTitle',
  'caseCode',
  'docNo',
  'findingCount',
  'issuedDate',
  'earliestDueDate',
] as const;
export const OPTIONAL_FIELDS = ['causeAnalysis', 'measures', 'replyDueDate', 'interviewTime', 'interviewPlace', 'contact'] as const;
export const FINDING_FIELDS = ['findingTitle', 'findingDueDate'] as const;

export type OptionalField = (typeof OPTIONAL_FIELDS)[number];
export type DocumentField = (typeof DOCUMENT_FIELDS)[number] | OptionalField;
export type FindingField = (typeof FINDING_FIELDS)[number];
export type TemplateField = DocumentField | FindingField;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The names between braces in `text`, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** A `{` or `}` that opens or closes no placeholder: a typo the reader would see printed. */
export function hasStrayBrace(text: string): boolean {
  return /[{}]/.test(text.replace(PLACEHOLDER, ''));
}

/** `text` with each `{name}` replaced by its value; the caller has checked every name has one. */
export function fill(text: string, values: Partial<Record<TemplateField, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: TemplateField) => values[name] ?? '');
}
