import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  ReconciliationActivities,
  ReconciliationBatch,
  ReconciliationBatchInput,
  ReconciliationTotals,
  ReconciliationWorkflowInput,
} from '@reform/contracts';
import { DATABASE_WRITE, RECONCILIATION_BATCH } from './activity-options';

const { reconcileFindings, reconcileCases, reconcileRunningWorkflows } = proxyActivities<ReconciliationActivities>(RECONCILIATION_BATCH);
const { beginReconciliation, finishReconciliation } = proxyActivities<ReconciliationActivities>(DATABASE_WRITE);

const DEFAULT_BATCH_SIZE = 100;

export interface ReconciliationResult extends ReconciliationTotals {
  drifts: number;
}

type Sweep = (input: ReconciliationBatchInput) => Promise<ReconciliationBatch>;

/**
 * 对账 — one reconciliation run, started by the `reconciliation` Schedule: open findings and cases
 * in PostgreSQL against their workflows, then running workflows against PostgreSQL. The checks
 * and repairs are activities; this only walks the batches and keeps the tally.
 */
export async function reconciliationWorkflow(input: ReconciliationWorkflowInput = {}): Promise<ReconciliationResult> {
  const { runId } = workflowInfo();
  const limit = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const totals: ReconciliationTotals = { findingsChecked: 0, casesChecked: 0, workflowsChecked: 0, inFlight: 0 };
  let drifts = 0;

  const sweep = async (check: Sweep, counter: keyof ReconciliationTotals) => {
    let after: string | null = null;
    do {
      const batch: ReconciliationBatch = await check({ runId, after, limit });
      totals[counter] += batch.checked;
      totals.inFlight += batch.inFlight;
      drifts += batch.drifts;
      after = batch.next;
    } while (after !== null);
  };

  await beginReconciliation({ runId, startedAt: new Date().toISOString() });
  try {
    await sweep(reconcileFindings, 'findingsChecked');
    await sweep(reconcileCases, 'casesChecked');
    await sweep(reconcileRunningWorkflows, 'workflowsChecked');
  } catch (error) {
    const message = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    await finishReconciliation({ runId, status: 'failed', finishedAt: new Date().toISOString(), error: message, ...totals });
    throw ApplicationFailure.create({ message: `reconciliation failed: ${message}`, nonRetryable: true });
  }
  await finishReconciliation({ runId, status: 'completed', finishedAt: new Date().toISOString(), error: null, ...totals });
  return { ...totals, drifts };
}
