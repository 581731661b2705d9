import type { ValidationRule } from '@reform/contracts';
import { intakeProblem, type IntakeProblem, type IntakeProblemField } from './intake-problem';

/** The findings fields a file may fill, each under the ledger's Chinese header (or the API's field name). */
export type IntakeField = 'title' | 'description' | 'category' | 'unitId' | 'responsiblePerson' | 'dueAt' | 'dueInWorkingDays';

interface IntakeColumn {
  field: IntakeField;
  label: string;
  aliases: string[];
}

export const INTAKE_COLUMNS: IntakeColumn[] = [
  { field: 'title', label: '问题', aliases: ['问题', '问题标题', 'title'] },
  { field: 'description', label: '问题描述', aliases: ['问题描述', '具体问题', 'description'] },
  { field: 'category', label: '问题类别', aliases: ['问题类别', '类别', 'category'] },
  { field: 'unitId', label: '责任单位', aliases: ['责任单位', 'unitId'] },
  { field: 'responsiblePerson', label: '责任人', aliases: ['责任人', 'responsiblePerson'] },
  { field: 'dueAt', label: '整改时限', aliases: ['整改时限', 'dueAt'] },
  { field: 'dueInWorkingDays', label: '整改时限(工作日)', aliases: ['整改时限(工作日)', '整改期限(工作日)', '工作日', 'dueInWorkingDays'] },
];

/** Ledger columns an export carries that intake does not need; allowed so an exported layout can be reused. */
const IGNORED = ['序号'];

export const LABELS = Object.fromEntries(INTAKE_COLUMNS.map((column) => [column.field, column.label])) as Record<IntakeField, string>;

/** Full-width brackets and spaces are how people type headers in Chinese spreadsheets; compare without them. */
const normalise = (header: string) => header.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').toLowerCase();

const BY_ALIAS = new Map(INTAKE_COLUMNS.flatMap((column) => column.aliases.map((alias) => [normalise(alias), column.field] as const)));

export interface HeaderMap {
  /** Column index of each field present. */
  columns: Partial<Record<IntakeField, number>>;
  problems: IntakeProblem[];
}

/** Which column holds which field; unknown, repeated or missing columns are problems of row 1. */
export function mapHeader(header: string[]): HeaderMap {
  const columns: Partial<Record<IntakeField, number>> = {};
  const problems: IntakeProblem[] = [];
  const refuse = (message: string, field: IntakeProblemField, rule: ValidationRule, limit?: number) =>
    problems.push(intakeProblem(message, field, rule, { row: 1, limit }));
  const accepted = INTAKE_COLUMNS.map((column) => column.label).join(', ');
  header.forEach((name, index) => {
    const key = normalise(name);
    if (key === '' || IGNORED.includes(key)) return;
    const field = BY_ALIAS.get(key);
    if (field === undefined) refuse(`column "${name}" is not an intake column (use ${accepted})`, 'file', 'unknownField');
    else if (columns[field] !== undefined) refuse(`column ${LABELS[field]} appears twice`, field, 'tooMany', 1);
    else columns[field] = index;
  });
  for (const field of ['title', 'unitId'] as const) {
    if (columns[field] === undefined) refuse(`the header has no ${LABELS[field]} column`, field, 'required');
  }
  if (columns.dueAt === undefined && columns.dueInWorkingDays === undefined) {
    refuse(`the header has neither a ${LABELS.dueAt} nor a ${LABELS.dueInWorkingDays} column`, 'dueAt', 'required');
  }
  return { columns, problems };
}
