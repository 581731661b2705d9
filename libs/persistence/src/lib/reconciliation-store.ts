import type { Drift, FindingRecord, FinishReconciliation, ReconciliationRun } from '@reform/contracts';
import type { DataSource } from 'typeorm';
import { findingRow, FINDING_MUTABLE_COLUMNS } from './projection-rows';
import { insertRowsSql, type TableRow } from './schema';
import { toFindingView } from './queries/finding.queries';
import { toIso, toIsoOrNull, WhereClause, type Within } from './queries/sql-support';

/** How long finished runs are kept; hourly runs make this about 720 rows. */
const KEEP_RUNS_DAYS = 30;
/** At most this many drifts are shown with a run; the counts cover all of them. */
const SHOWN_DRIFTS = 500;

/** A finding row as reconciliation reads it, with how many of its events the timeline holds. */
export interface StoredFinding {
  record: FindingRecord;
  eventCount: number;
}

type FindingRowValues = TableRow<'findings'> & { event_count: string | number };

// A finding is finished (its workflow has completed) once its follow-up held and nothing waits on a supervisor;
// one in DRAFT has no workflow yet (its recommendation is unissued).
const OPEN_FINDING = `f.status <> 'DRAFT' AND NOT (f.status = 'CLOSED' AND f.pending_approval IS NULL
  AND EXISTS (SELECT 1 FROM events e WHERE e.entity_id = f.id AND e.type = 'FOLLOW_UP_HELD'))`;
const FINDING_SELECT = `SELECT f.*, (SELECT count(*) FROM events e WHERE e.entity_id = f.id) AS event_count FROM findings f`;

const DRIFT_COLUMNS = ['run_id', 'entity_type', 'entity_id', 'kind', 'detail', 'repaired'] as const;
type DriftRow = Pick<TableRow<'reconciliation_drifts'>, (typeof DRIFT_COLUMNS)[number]>;
const INSERT_DRIFTS = insertRowsSql(
  'reconciliation_drifts',
  `ON CONFLICT (run_id, entity_id, kind) DO UPDATE
   SET detail = EXCLUDED.detail, repaired = reconciliation_drifts.repaired OR EXCLUDED.repaired`,
  [...DRIFT_COLUMNS],
);

// Re-projection from the workflow's own record: may also rewrite a row of the same version.
const REPAIR_FINDING = `${insertRowsSql('findings', 'ON CONFLICT (id) DO UPDATE SET')} ${FINDING_MUTABLE_COLUMNS.map(
  (name) => `${name} = EXCLUDED.${name}`,
).join(', ')} WHERE findings.version <= EXCLUDED.version`;

/** Reads and writes of the reconciliation workflow's activities and of GET /ops/reconciliation. */
export class ReconciliationStore {
  constructor(private readonly db: DataSource) {}

  async begin(runId: string, startedAt: string): Promise<void> {
    await this.db.query(`INSERT INTO reconciliation_runs (id, status, started_at) VALUES ($1, 'running', $2) ON CONFLICT (id) DO NOTHING`, [
      runId,
      startedAt,
    ]);
    await this.db.query(`DELETE FROM reconciliation_runs WHERE started_at < now() - make_interval(days => $1)`, [KEEP_RUNS_DAYS]);
  }

  /** Findings whose workflow should still be running, in id order after `after`. */
  async openFindings(after: string | null, limit: number): Promise<StoredFinding[]> {
    const rows: FindingRowValues[] = await this.db.query(
      `${FINDING_SELECT} WHERE ($1::uuid IS NULL OR f.id > $1::uuid) AND ${OPEN_FINDING} ORDER BY f.id LIMIT $2`,
      [after, limit],
    );
    return rows.map(toStoredFinding);
  }

  async finding(id: string): Promise<StoredFinding | null> {
    const rows: FindingRowValues[] = await this.db.query(`${FINDING_SELECT} WHERE f.id = $1`, [id]);
    return rows[0] ? toStoredFinding(rows[0]) : null;
  }

  async openCaseIds(after: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM cases WHERE status = 'OPEN' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Which of `ids` have a row in `table`. */
  async existing(table: 'cases' | 'findings', ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  /** Writes the workflow's record over the row unless the row is already newer; true when it wrote. */
  async reproject(record: FindingRecord): Promise<boolean> {
    const written: unknown[] = await this.db.query(`${REPAIR_FINDING} RETURNING id`, [JSON.stringify([findingRow(record)])]);
    return written.length > 0;
  }

  /** Stores drifts once per run, entity and kind, however often a batch is retried. */
  async recordDrifts(runId: string, drifts: Drift[]): Promise<void> {
    if (drifts.length === 0) return;
    const rows = drifts.map(
      (d): DriftRow => ({
        run_id: runId,
        entity_type: d.entityType,
        entity_id: d.entityId,
        kind: d.kind,
        detail: d.detail,
        repaired: d.repaired,
      }),
    );
    await this.db.query(INSERT_DRIFTS, [JSON.stringify(rows)]);
  }

  async finish(input: FinishReconciliation): Promise<void> {
    await this.db.query(
      `UPDATE reconciliation_runs SET status = $2, finished_at = $3, error = $4, findings_checked = $5,
       cases_checked = $6, workflows_checked = $7, in_flight = $8 WHERE id = $1`,
      [
        input.runId,
        input.status,
        input.finishedAt,
        input.error,
        input.findingsChecked,
        input.casesChecked,
        input.workflowsChecked,
        input.inFlight,
      ],
    );
  }

  /**
   * The most recently started run with its drifts (unrepaired first), or null before the first;
   * within a jurisdiction, only the drifts of its findings and their cases (the totals stay the run's).
   */
  async lastRun(within?: Within[]): Promise<ReconciliationRun | null> {
    const [run]: TableRow<'reconciliation_runs'>[] = await this.db.query(
      `SELECT * FROM reconciliation_runs r ORDER BY r.started_at DESC, r.id DESC LIMIT 1`,
    );
    if (!run) return null;
    const where = new WhereClause().add((p) => `run_id = ${p}`, run.id).entitiesWithin(within);
    const [counts]: Array<{ repaired: string; unrepaired: string }> = await this.db.query(
      `SELECT count(*) FILTER (WHERE repaired) AS repaired, count(*) FILTER (WHERE NOT repaired) AS unrepaired
       FROM reconciliation_drifts ${where.toSql()}`,
      where.params,
    );
    const drifts: Omit<DriftRow, 'run_id'>[] = await this.db.query(
      `SELECT entity_type, entity_id, kind, detail, repaired FROM reconciliation_drifts
       ${where.toSql()} ORDER BY repaired, recorded_at, entity_id LIMIT ${SHOWN_DRIFTS}`,
      where.params,
    );
    return toRun({ ...run, ...counts }, drifts);
  }
}

/** A run's row with how many of its drifts were repaired and how many not (count(*) arrives as a string). */
type RunRow = TableRow<'reconciliation_runs'> & { repaired: string | number; unrepaired: string | number };

function toRun(row: RunRow, drifts: Omit<DriftRow, 'run_id'>[]): ReconciliationRun {
  return {
    id: row.id,
    status: row.status,
    startedAt: toIso(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
    findingsChecked: row.findings_checked,
    casesChecked: row.cases_checked,
    workflowsChecked: row.workflows_checked,
    inFlight: row.in_flight,
    repaired: Number(row.repaired),
    unrepaired: Number(row.unrepaired),
    error: row.error,
    drifts: drifts.map((d) => ({ entityType: d.entity_type, entityId: d.entity_id, kind: d.kind, detail: d.detail, repaired: d.repaired })),
  };
}

function toStoredFinding(row: FindingRowValues): StoredFinding {
  return {
    eventCount: Number(row.event_count),
    record: {
      ...toFindingView(row),
      pendingSince: toIsoOrNull(row.pending_since),
      openedBy: row.opened_by,
      version: Number(row.version),
    },
  };
}
