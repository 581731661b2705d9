import { z } from 'zod/v4';
import { AccountabilityOutcomeSchema, FindingViewSchema } from './finding.shapes';
import { pageOf } from './page.shapes';
import { shape, Uuid } from './registry';

/**
 * 台账 — one finding as the ledger lists it (the exports' columns too): the finding's own fields,
 * picked from its shape so that both change together, and its case's code and title.
 */
export const LedgerRowSchema = FindingViewSchema.pick({
  caseId: true,
  title: true,
  unitId: true,
  responsiblePerson: true,
  dueAt: true,
  status: true,
  overdue: true,
  escalationLevel: true,
  accountability: true,
  createdAt: true,
  closedAt: true,
  trackingOfficeId: true,
  recommendationId: true,
}).extend({
  findingId: Uuid,
  caseCode: z.string(),
  caseTitle: z.string(),
  /** The registered names of the unit and the tracking office (null when the register has none). */
  unitName: z.string().nullable(),
  trackingOfficeName: z.string().nullable(),
  /** 建议书文号 — the number of the issued recommendation carrying the finding; null for none, or before issue. */
  recommendationDocNo: z.string().nullable(),
  /** 问责方式 and 形态 — the form of the decided accountability and which of the 四种形态 it counts under; null until decided. */
  accountabilityForm: AccountabilityOutcomeSchema.shape.form.nullable(),
  fourForm: AccountabilityOutcomeSchema.shape.fourForm.nullable(),
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
