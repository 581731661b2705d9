import { z } from 'zod/v4';
import { CASE_SOURCES, CASE_STATUSES } from '../lib/vocabulary';
import { FindingViewSchema } from './finding.shapes';
import { Lifetime, shape, Uuid } from './registry';

/** 案件 — an investigated case, as the contract returns it. */
export const CaseViewSchema = shape(
  'Case',
  '案件 — an investigated case',
  z.object({
    id: Uuid,
    code: z.string().meta({ example: 'ZG-2026-0001' }),
    title: z.string(),
    summary: z.string(),
    source: z.enum(CASE_SOURCES),
    status: z.enum(CASE_STATUSES),
    openedBy: z.string(),
    /** The opener's name from the people register; null when the register does not have them. */
    openedByName: z.string().nullable(),
    ...Lifetime,
  }),
);
export type CaseView = z.infer<typeof CaseViewSchema>;

export const CaseWithFindingsSchema = shape(
  'CaseWithFindings',
  'a case with its findings, in the order they were recorded',
  CaseViewSchema.extend({ findings: z.array(FindingViewSchema) }),
);
export type CaseWithFindings = z.infer<typeof CaseWithFindingsSchema>;
