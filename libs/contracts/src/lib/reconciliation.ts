import type { ReconciliationStatus, ReconciliationTotals } from './responses';

/**
 * 对账 — the reconciliation run: PostgreSQL and the workflows compared, drift repaired where a
 * workflow's own state can be re-projected, reported where it cannot.
 */
export const RECONCILIATION_SCHEDULE_ID = 'reconciliation';
export const RECONCILIATION_WORKFLOW_ID = 'reconciliation';

/**
 * - `workflow-missing`: an open case or finding in PostgreSQL has no running workflow;
 * - `row-missing`: a running workflow has no row in PostgreSQL;
 * - `projection-differs`: the row disagrees with the workflow's state;
 * - `events-missing`: the timeline lacks events the workflow has produced;
 * - `query-failed`: the workflow did not answer.
 */
export const DRIFT_KINDS = ['workflow-missing', 'row-missing', 'projection-differs', 'events-missing', 'query-failed'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** What one batch of checks found; drifts themselves are stored by the activity, keyed by run. */
export interface ReconciliationBatch {
  checked: number;
  /** Differences explained by a projection still being written (a pending activity). */
  inFlight: number;
  drifts: number;
  /** Where the next batch starts (an id), or null when this was the last. */
  next: string | null;
}

export interface ReconciliationBatchInput {
  runId: string;
  after: string | null;
  limit: number;
}

export interface FinishReconciliation extends ReconciliationTotals {
  runId: string;
  status: Exclude<ReconciliationStatus, 'running'>;
  finishedAt: string;
  error: string | null;
}

/** Activities of the reconciliation workflow; they read PostgreSQL and ask Temporal. */
export interface ReconciliationActivities {
  beginReconciliation(input: { runId: string; startedAt: string }): Promise<void>;
  /** Open findings in PostgreSQL against their workflows, in id order. */
  reconcileFindings(input: ReconciliationBatchInput): Promise<ReconciliationBatch>;
  /** Open cases in PostgreSQL against their workflows, in id order. */
  reconcileCases(input: ReconciliationBatchInput): Promise<ReconciliationBatch>;
  /** Running workflows against PostgreSQL: each must have its row. `after` is a page token. */
  reconcileRunningWorkflows(input: ReconciliationBatchInput): Promise<ReconciliationBatch>;
  finishReconciliation(input: FinishReconciliation): Promise<void>;
}

export interface ReconciliationWorkflowInput {
  /** Rows per activity call; small enough that one call stays well within its timeout. */
  batchSize?: number;
}
