import { z } from 'zod/v4';
import { AuditEntrySchema, FindingInCaseSchema, type FindingInCase } from './finding.shapes';
import { CaseViewSchema } from './case.shapes';
import { Count, shape, type Holds, type Same } from './registry';

/** A page of any list the API serves: the items asked for and how many match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The shape of a page of `item`, named `<name>Page` in the OpenAPI document. */
export function pageOf<T extends z.ZodType>(item: T, name: string, what: string) {
  return shape(`${name}Page`, `a page of ${what}, and how many match in all`, z.object({ items: z.array(item), total: Count }));
}

export const FindingPageSchema = pageOf(FindingInCaseSchema, 'Finding', 'findings, each with its case code and title');
export const CasePageSchema = pageOf(CaseViewSchema, 'Case', 'cases');
export const AuditEntryPageSchema = pageOf(AuditEntrySchema, 'AuditEntry', 'audit entries, oldest first');

/** Compiles only while a page's schema and `Page<T>` agree. */
export type PageSchemaAgrees = Holds<Same<z.infer<typeof FindingPageSchema>, Page<FindingInCase>>>;
