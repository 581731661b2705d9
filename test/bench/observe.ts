import type { Pool } from 'pg';
import { sleep } from './stats';

export interface Sighting {
  /** When the benchmark first saw the OVERDUE row in PostgreSQL (an upper bound on when it was written). */
  seenAt: number;
  /** The event's own `at`: when the workflow fired the deadline. */
  firedAt: number;
}

/**
 * Watches PostgreSQL for the OVERDUE events of some findings, from the outside, as a reader of
 * the read model would: answers the sightings once all are in or `untilMs` passes.
 */
export async function watchOverdue(
  pool: Pool,
  expected: Set<string>,
  sinceMs: number,
  untilMs: number,
  intervalMs: number,
): Promise<Map<string, Sighting>> {
  const seen = new Map<string, Sighting>();
  while (seen.size < expected.size && Date.now() < untilMs) {
    const askedAt = Date.now();
    const { rows } = await pool.query<{ entity_id: string; at: Date }>(
      `SELECT entity_id, at FROM events WHERE type = 'OVERDUE' AND at >= $1`,
      [new Date(sinceMs)],
    );
    for (const row of rows) {
      if (expected.has(row.entity_id) && !seen.has(row.entity_id)) seen.set(row.entity_id, { seenAt: askedAt, firedAt: row.at.getTime() });
    }
    await sleep(intervalMs - (Date.now() - askedAt));
  }
  return seen;
}

/** Waits until `count()` reaches `target` or `untilMs` passes; answers the last count. */
export async function waitForCount(count: () => Promise<number>, target: number, untilMs: number, intervalMs = 500): Promise<number> {
  let last = await count();
  while (last < target && Date.now() < untilMs) {
    await sleep(intervalMs);
    last = await count();
  }
  return last;
}

/** Completed workflow tasks so far, from the worker's Prometheus endpoint; null when it has none. */
export async function workflowTasksCompleted(metricsUrl: string): Promise<number | null> {
  const text = await fetch(metricsUrl).then(
    (r) => (r.ok ? r.text() : ''),
    () => '',
  );
  let total: number | null = null;
  for (const line of text.split('\n')) {
    if (/^(temporal_)?workflow_task_execution_latency(_seconds)?_count[{ ]/.test(line))
      total = (total ?? 0) + Number(line.split(' ').pop());
  }
  return total;
}
