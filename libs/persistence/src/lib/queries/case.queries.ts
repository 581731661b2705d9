import type { DataSource } from 'typeorm';
import type { CaseSource, CaseStatus, CaseView, CaseWithFindings, Page } from '@reform/contracts';
import { FindingQueries } from './finding.queries';
import { countOf, toIso, toIsoOrNull, WhereClause, type PageRequest, type Within } from './sql-support';

interface CaseRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  source: CaseSource;
  status: CaseStatus;
  opened_by: string;
  opened_by_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  closed_at: Date | string | null;
}

const COLUMNS =
  'id, code, title, summary, source, status, opened_by, (SELECT p.name FROM people p WHERE p.id = cases.opened_by) AS opened_by_name, created_at, updated_at, closed_at';

export function toCaseView(row: CaseRow): CaseView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    summary: row.summary,
    source: row.source,
    status: row.status,
    openedBy: row.opened_by,
    openedByName: row.opened_by_name,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    closedAt: toIsoOrNull(row.closed_at),
  };
}

/** Reads of the cases table (案件); ids must already be well-formed uuids. */
export class CaseQueries {
  private readonly findings: FindingQueries;

  constructor(private readonly db: DataSource) {
    this.findings = new FindingQueries(db);
  }

  /** The case, if it has a finding within the jurisdiction (any case when none is given). */
  async findById(id: string, within?: Within[]): Promise<CaseView | null> {
    const where = new WhereClause().add((p) => `id = ${p}`, id).casesWithin(within, 'cases.id');
    const rows: CaseRow[] = await this.db.query(`SELECT ${COLUMNS} FROM cases ${where.toSql()}`, where.params);
    return rows[0] ? toCaseView(rows[0]) : null;
  }

  /** The case with those of its findings that lie within the jurisdiction. */
  async findWithFindings(id: string, within?: Within[]): Promise<CaseWithFindings | null> {
    const found = await this.findById(id, within);
    return found ? { ...found, findings: await this.findings.listByCase(id, within) } : null;
  }

  /** Newest first. */
  async list(filter: { status?: CaseStatus; within?: Within[] }, page: PageRequest): Promise<Page<CaseView>> {
    const where = new WhereClause().add((p) => `status = ${p}`, filter.status).casesWithin(filter.within, 'cases.id');
    const paged = where.paged(page);
    const [rows, count] = await Promise.all([
      this.db.query(`SELECT ${COLUMNS} FROM cases ${where.toSql()} ORDER BY created_at DESC, code DESC ${paged.sql}`, paged.params),
      this.db.query(`SELECT count(*) AS count FROM cases ${where.toSql()}`, where.params),
    ]);
    return { items: (rows as CaseRow[]).map(toCaseView), total: countOf(count) };
  }
}
