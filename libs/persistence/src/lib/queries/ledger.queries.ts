import type { DataSource } from 'typeorm';
import type { Accountability, FourForm, LedgerRow, Page } from '@reform/contracts';
import { countedByKey, type FindingFilter, type FindingRow } from './finding.queries';
import { countOf, toIso, toIsoOrNull, WhereClause, type PageRequest } from './sql-support';

/** A half-open span of time, ISO instants: `from` inclusive, `before` exclusive; either may be open. */
export interface TimeRange {
  from?: string;
  before?: string;
}

export interface LedgerFilter extends FindingFilter {
  accountability?: Accountability;
  due?: TimeRange;
  created?: TimeRange;
  closed?: TimeRange;
}

/** A ledger row as `pg` reads it: the finding's columns (checked against SCHEMA with FindingRow) and its case's. */
type Row = Pick<
  FindingRow,
  | 'id'
  | 'case_id'
  | 'title'
  | 'unit_id'
  | 'responsible_person'
  | 'due_at'
  | 'status'
  | 'overdue'
  | 'escalation_level'
  | 'accountability'
  | 'created_at'
  | 'closed_at'
  | 'tracking_office_id'
  | 'recommendation_id'
  | 'outcome_form'
  | 'outcome_four_form'
> & {
  case_code: string;
  case_title: string;
  unit_name: string | null;
  tracking_office_name: string | null;
  recommendation_doc_no: string | null;
};

const SELECT = `SELECT f.id, f.case_id, c.code AS case_code, c.title AS case_title, f.title, f.unit_id, u.name AS unit_name,
  f.responsible_person, f.due_at, f.status, f.overdue, f.escalation_level, f.accountability, f.created_at, f.closed_at,
  f.tracking_office_id, t.name AS tracking_office_name, f.recommendation_id, r.doc_no AS recommendation_doc_no,
  f.outcome_form, f.outcome_four_form
  FROM findings f JOIN cases c ON c.id = f.case_id
  LEFT JOIN org_units u ON u.id = f.unit_id LEFT JOIN org_units t ON t.id = f.tracking_office_id
  LEFT JOIN recommendations r ON r.id = f.recommendation_id`;
/** The order findings were recorded in, served by ix_findings_created_at_id. */
const ORDER = 'ORDER BY f.created_at, f.id';
/** The whole ledger as the export reads it (unfiltered): the benchmark's bare baseline runs this very statement. */
export const LEDGER_ROWS_SQL = `${SELECT} ${ORDER}`;

function toLedgerRow(row: Row): LedgerRow {
  return {
    findingId: row.id,
    caseId: row.case_id,
    caseCode: row.case_code,
    caseTitle: row.case_title,
    title: row.title,
    unitId: row.unit_id,
    responsiblePerson: row.responsible_person,
    dueAt: toIso(row.due_at),
    status: row.status,
    overdue: row.overdue,
    escalationLevel: Number(row.escalation_level),
    accountability: row.accountability,
    createdAt: toIso(row.created_at),
    closedAt: toIsoOrNull(row.closed_at),
    unitName: row.unit_name,
    trackingOfficeId: row.tracking_office_id,
    trackingOfficeName: row.tracking_office_name,
    recommendationId: row.recommendation_id,
    recommendationDocNo: row.recommendation_doc_no,
    accountabilityForm: row.outcome_form,
    fourForm: row.outcome_four_form === null ? null : (Number(row.outcome_four_form) as FourForm),
  };
}

function within(where: WhereClause, column: string, range: TimeRange | undefined): WhereClause {
  return where.add((p) => `${column} >= ${p}`, range?.from).add((p) => `${column} < ${p}`, range?.before);
}

function whereOf(filter: LedgerFilter): WhereClause {
  const where = new WhereClause()
    .add((p) => `f.status = ${p}`, filter.status)
    .add((p) => `f.unit_id = ${p}`, filter.unitId)
    .add((p) => `f.tracking_office_id = ${p}`, filter.trackingOfficeId)
    .within(filter.within, 'f.')
    .add((p) => `f.overdue = ${p}`, filter.overdue)
    .add((p) => `f.escalation_level = ${p}`, filter.escalationLevel)
    .add((p) => `f.case_id = ${p}`, filter.caseId)
    .add((p) => `f.accountability = ${p}`, filter.accountability);
  if (filter.assignedOnly) where.always(`f.status <> 'DRAFT'`);
  within(where, 'f.due_at', filter.due);
  within(where, 'f.created_at', filter.created);
  return within(where, 'f.closed_at', filter.closed);
}

const COUNT_ROWS = 'SELECT count(*) AS count FROM findings f';
const COUNT_BY_KEY = 'SELECT coalesce(sum(n), 0) AS count FROM finding_counts f';

const unbounded = (range: TimeRange | undefined) => range?.from === undefined && range?.before === undefined;

/** As for GET /findings (countedByKey): finding_counts has no accountability or dates either. */
function countedByKeyInLedger(filter: LedgerFilter): boolean {
  return countedByKey(filter) && filter.accountability === undefined && [filter.due, filter.created, filter.closed].every(unbounded);
}

/** The ledger (台账): a page of it as JSON, or all of it streamed for CSV and XLSX exports. */
export class LedgerQueries {
  constructor(private readonly db: DataSource) {}

  async page(filter: LedgerFilter, page: PageRequest): Promise<Page<LedgerRow>> {
    const where = whereOf(filter);
    const paged = where.paged(page);
    const [rows, count] = await Promise.all([
      this.db.query(`${SELECT} ${where.toSql()} ${ORDER} ${paged.sql}`, paged.params),
      this.db.query(`${countedByKeyInLedger(filter) ? COUNT_BY_KEY : COUNT_ROWS} ${where.toSql()}`, where.params),
    ]);
    return { items: (rows as Row[]).map(toLedgerRow), total: countOf(count) };
  }

  /**
   * Every matching row, `batchSize` at a time, through a server-side cursor on a connection of its
   * own: one consistent snapshot, and never more than a batch in memory. The next batch is fetched
   * only when the consumer asks for it; stopping early (return/throw) closes the cursor and frees the
   * connection.
   */
  async *stream(filter: LedgerFilter, batchSize = 500): AsyncGenerator<LedgerRow[]> {
    const where = whereOf(filter);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`DECLARE ledger_export NO SCROLL CURSOR FOR ${SELECT} ${where.toSql()} ${ORDER}`, where.params);
      for (;;) {
        const rows: Row[] = await runner.query(`FETCH FORWARD ${Math.trunc(batchSize)} FROM ledger_export`);
        if (rows.length === 0) break;
        yield rows.map(toLedgerRow);
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}
