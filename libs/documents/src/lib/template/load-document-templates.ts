import { DOCUMENT_KINDS, type DocumentKind } from '@reform/contracts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentTemplateFileSchema, type DocumentTemplate, type DocumentTemplateFile, type DocumentTemplates } from './document-template';
import {
  DOCUMENT_FIELDS,
  FINDING_FIELDS,
  hasStrayBrace,
  OPTIONAL_FIELDS,
  placeholdersIn,
  type DocumentField,
  type FindingField,
} from './placeholders';

const documentFields = new Set<string>([...DOCUMENT_FIELDS, ...OPTIONAL_FIELDS]);
const findingFields = new Set<string>(FINDING_FIELDS);

/**
 * Reads every `*.json` in `dir`, one template per kind, and refuses the set at the first problem
 * with a message naming the file: a commission edits these by hand, and a worker that starts with
 * a broken one would only fail later, on the first document of that kind.
 */
export function loadDocumentTemplates(dir: string): DocumentTemplates {
  if (!existsSync(dir)) throw new Error(`document templates: directory ${dir} does not exist`);
  const byKind = new Map<DocumentKind, DocumentTemplate>();
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const template = readTemplate(join(dir, name));
    const earlier = byKind.get(template.kind);
    if (earlier) throw new Error(`document template ${template.source}: kind ${template.kind} is already defined by ${earlier.source}`);
    byKind.set(template.kind, template);
  }
  const missing = DOCUMENT_KINDS.filter((kind) => !byKind.has(kind));
  if (missing.length > 0) throw new Error(`document templates in ${dir}: no template for ${missing.join(', ')} (expected <kind>.json)`);
  return Object.fromEntries(byKind) as Record<DocumentKind, DocumentTemplate>;
}

function readTemplate(path: string): DocumentTemplate {
  const refuse = (problem: string) => new Error(`document template ${path}: ${problem}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw refuse(`not valid JSON (${(error as Error).message})`);
  }
  const parsed = documentTemplateFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw refuse(issues.join('; '));
  }
  const file = parsed.data;
  const used = new Set<string>();
  for (const [where, text] of wordings(file)) {
    if (hasStrayBrace(text)) throw refuse(`${where} has a brace that is no {placeholder}: "${text}"`);
    for (const name of placeholdersIn(text)) {
      const allowed = documentFields.has(name) || (where === 'findingItem' && findingFields.has(name));
      if (!allowed) throw refuse(`${where} uses unknown placeholder {${name}}; known: ${knownFields(where)}`);
      used.add(name);
    }
  }
  return {
    ...file,
    fields: [...DOCUMENT_FIELDS, ...OPTIONAL_FIELDS].filter((field): field is DocumentField => used.has(field)),
    findingFields: FINDING_FIELDS.filter((field): field is FindingField => used.has(field)),
    source: path,
  };
}

/** Every text of a template with where it sits, for messages (`sections.1.paragraphs.0`). */
function wordings(file: DocumentTemplateFile): [string, string][] {
  return [
    ['title', file.title],
    ['docNoPrefix', file.docNoPrefix],
    ['issuerHeader', file.issuerHeader],
    ['salutation', file.salutation],
    ...file.paragraphs.map((text, i): [string, string] => [`paragraphs.${i}`, text]),
    ['findingsHeading', file.findingsHeading],
    ['findingItem', file.findingItem],
    ...file.sections.flatMap((section, s): [string, string][] => [
      [`sections.${s}.heading`, section.heading],
      ...section.paragraphs.map((text, i): [string, string] => [`sections.${s}.paragraphs.${i}`, text]),
    ]),
    ...file.closing.map((text, i): [string, string] => [`closing.${i}`, text]),
    ['signature', file.signature],
  ];
}

function knownFields(where: string): string {
  const names = [...DOCUMENT_FIELDS, ...OPTIONAL_FIELDS, ...(where === 'findingItem' ? FINDING_FIELDS : [])];
  return names.join(', ');
}
