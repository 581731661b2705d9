import { z } from 'zod/v4';
import { ACCOUNTABILITY_STATES, FINDING_STATUSES, MAX_ESCALATION_LEVEL } from '../lib/vocabulary';
import { pageOf } from './page.shapes';
import { Instant, shape, Uuid } from './registry';

/** 台账 — one finding as the ledger lists it, with its case's code and title (the exports' columns too). */
export const LedgerRowSchema = z.object({
  findingId: Uuid,
  caseId: Uuid,
  caseCode: z.string(),
  caseTitle: z.string(),
  title: z.string(),
  unitId: z.string(),
  responsiblePerson: z.string().nullable(),
  dueAt: Instant,
  status: z.enum(FINDING_STATUSES),
  overdue: z.boolean(),
  escalationLevel: z.int().min(0).max(MAX_ESCALATION_LEVEL),
  accountability: z.enum(ACCOUNTABILITY_STATES),
  createdAt: Instant,
  closedAt: Instant.nullable(),
});
export type LedgerRow = z.infer<typeof LedgerRowSchema>;

/** One row of GET /ledger as JSON: the row and its 序号 in the whole filtered ledger. */
export const LedgerItemSchema = shape(
  'LedgerItem',
  '台账 — one finding as the ledger lists it, with its 序号 (seq) in the whole filtered ledger',
  LedgerRowSchema.extend({ seq: z.int().positive() }),
);
export type LedgerItem = z.infer<typeof LedgerItemSchema>;

export const LedgerPageSchema = pageOf(LedgerItemSchema, 'Ledger', 'ledger rows');
