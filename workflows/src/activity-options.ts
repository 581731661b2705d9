import type { ActivityOptions } from '@temporalio/workflow';

/** Writes to the read model: retried until the database is back, however long that takes. */
export const DATABASE_WRITE: ActivityOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
};

/** Deliveries to the outside world: backing off to ten minutes, never given up. */
export const NOTIFICATION: ActivityOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' },
};

/**
 * Rendering and freezing a document: idempotent by its source, so retried until it is issued; the
 * activity heartbeats, so a render whose worker died is taken up again within ten seconds.
 */
export const DOCUMENT_ISSUE: ActivityOptions = {
  startToCloseTimeout: '1m',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
};

/** Past this many history events a workflow continues as new, carrying its state. */
export const HISTORY_LIMIT = 2000;

/** One batch of reconciliation checks: heartbeating, given up after a few tries (the next run retries). */
export const RECONCILIATION_BATCH: ActivityOptions = {
  startToCloseTimeout: '5m',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 5 },
};
