import { findingRecordQuery, RECONCILIATION_SCHEDULE_ID, type ReconciliationRun } from '@reform/contracts';
import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Database } from './database';
import { AUDITOR } from './driver';
import { recordDifferences, rowAsRecord, type StoredFinding } from './oracle';
import { sleep } from './random';
import { NoAnswer, type Traffic } from './traffic';

type WithTemporal = <T>(work: (client: Client) => Promise<T>) => Promise<T>;

/** Triggers the reconciliation Schedule and waits for the run it starts, as GET /ops/reconciliation shows it. */
export async function reconcileNow(traffic: Traffic, temporal: WithTemporal): Promise<ReconciliationRun> {
  const triggeredAt = Date.now();
  await temporal((client) => client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID).trigger(ScheduleOverlapPolicy.ALLOW_ALL));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    await sleep(1000);
    // A scheduled run may be under way too; only one started after the trigger saw what came before it.
    const run = await lastRun(traffic);
    if (run && Date.parse(run.startedAt) >= triggeredAt && run.status !== 'running') return run;
  }
  throw new Error('the triggered reconciliation run did not finish within 180 s');
}

async function lastRun(traffic: Traffic): Promise<ReconciliationRun | null> {
  for (;;) {
    const answer = await traffic.request('GET', '/api/v1/ops/reconciliation', undefined, AUDITOR);
    if (!(answer instanceof NoAnswer) && answer.status === 200) return (answer.body as { lastRun: ReconciliationRun | null }).lastRun;
    if (!(answer instanceof NoAnswer) && answer.status !== 503) throw new Error(`GET /ops/reconciliation answered ${answer.status}`);
    await sleep(1000);
  }
}

/**
 * Drift made on purpose: rows of running findings altered, one deleted. The next run must find
 * each, re-project it from its workflow, and leave the rows equal to the workflows' state.
 */
export async function repairDrill(db: Database, traffic: Traffic, temporal: WithTemporal, candidates: string[]): Promise<string[]> {
  const problems: string[] = [];
  const [deleted, ...altered] = candidates.slice(0, 4);
  if (!deleted || altered.length === 0) return ['not enough running findings for the repair drill'];
  const [{ now }] = await db.query<{ now: Date }>('SELECT now()');
  await db.query(`UPDATE findings SET status = 'CLOSED', escalation_level = 0, overdue = false WHERE id = ANY($1::uuid[])`, [altered]);
  await db.query('DELETE FROM findings WHERE id = $1', [deleted]);
  await reconcileNow(traffic, temporal);
  // A scheduled run may have got there first: any run's report since the damage counts.
  const drifts = await db.query<{ entity_id: string; kind: string; repaired: boolean; detail: string }>(
    'SELECT entity_id, kind, repaired, detail FROM reconciliation_drifts WHERE recorded_at >= $1',
    [now],
  );
  const expected = [...altered.map((id) => [id, 'projection-differs']), [deleted, 'row-missing']];
  for (const [id, kind] of expected) {
    const found = drifts.filter((d) => d.entity_id === id && d.kind === kind);
    if (found.length === 0) problems.push(`no run reported ${kind} for ${id}`);
    else if (!found.some((d) => d.repaired)) problems.push(`${kind} for ${id} was reported but not repaired: ${found[0].detail}`);
  }
  const rows = await db.query<StoredFinding>('SELECT * FROM findings WHERE id = ANY($1::uuid[])', [candidates.slice(0, 4)]);
  await temporal(async (client) => {
    for (const id of candidates.slice(0, 4)) {
      const row = rows.find((r) => r.id === id);
      if (!row) {
        problems.push(`finding ${id} still has no row after the repair`);
        continue;
      }
      try {
        const record = await client.workflow.getHandle(`finding-${id}`).query(findingRecordQuery);
        const diff = recordDifferences(record, rowAsRecord(row));
        if (diff.length) problems.push(`finding ${id} still differs from its workflow: ${diff.join('; ')}`);
      } catch (error) {
        problems.push(`finding ${id}: its workflow did not answer (${(error as Error).message})`);
      }
    }
  });
  return problems;
}
