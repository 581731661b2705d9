import { z } from 'zod/v4';
import { DRIFT_KINDS } from '../lib/reconciliation';
import { Count, Instant, shape, Uuid } from './registry';

/** One difference a reconciliation run found between PostgreSQL and the workflows. */
const DriftSchema = z.object({
  entityType: z.enum(['case', 'finding']),
  entityId: Uuid,
  kind: z.enum(DRIFT_KINDS),
  detail: z.string(),
  repaired: z.boolean(),
});
export type Drift = z.infer<typeof DriftSchema>;

export const RECONCILIATION_STATUSES = ['running', 'completed', 'failed'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

const ReconciliationTotalsSchema = z.object({
  findingsChecked: Count,
  casesChecked: Count,
  workflowsChecked: Count,
  inFlight: Count.meta({ description: 'differences explained by a projection still being written' }),
});
export type ReconciliationTotals = z.infer<typeof ReconciliationTotalsSchema>;

/** A run as GET /ops/reconciliation shows it. */
export const ReconciliationRunSchema = ReconciliationTotalsSchema.extend({
  id: Uuid,
  status: z.enum(RECONCILIATION_STATUSES),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
  repaired: Count,
  unrepaired: Count,
  error: z.string().nullable(),
  drifts: z.array(DriftSchema),
});
export type ReconciliationRun = z.infer<typeof ReconciliationRunSchema>;

/** 对账 — the Schedule's interval and the last run. */
export const ReconciliationReportSchema = shape(
  'ReconciliationReport',
  '对账 — the reconciliation schedule and its last run: what it checked, repaired and could not repair',
  z.object({
    schedule: z.object({ id: z.string(), every: z.string().meta({ description: 'ISO-8601 duration', example: 'PT1H' }) }),
    lastRun: ReconciliationRunSchema.nullable(),
  }),
);
export type ReconciliationReport = z.infer<typeof ReconciliationReportSchema>;
