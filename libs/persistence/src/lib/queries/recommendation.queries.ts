import type { DataSource } from 'typeorm';
import type { Page, RecommendationReport, RecommendationStatus, RecommendationView } from '@reform/contracts';
import type { TableRow } from '../schema';
import type { TimeRange } from './ledger.queries';
import { countOf, toIso, toIsoOrNull, WhereClause, type PageRequest, type Within } from './sql-support';

export interface RecommendationFilter {
  status?: RecommendationStatus;
  unitId?: string;
  caseId?: string;
  /** A receipt or a reply overdue (true), or neither (false). */
  overdue?: boolean;
  /** Only those issued (a unit's view: drafts are the commission's own deliberation). */
  issuedOnly?: boolean;
  within?: Within[];
}

/** Which recommendations a report counts: issued within `issued`, within the jurisdictions given. */
export interface RecommendationReportFilter {
  issued?: TimeRange;
  unitId?: string;
  within?: Within[];
}

type RecommendationRow = TableRow<'recommendations'>;

export function toRecommendationView(row: RecommendationRow): RecommendationView {
  return {
    id: row.id,
    caseId: row.case_id,
    unitId: row.unit_id,
    trackingOfficeId: row.tracking_office_id,
    docNo: row.doc_no,
    documentId: row.document_id,
    title: row.title,
    causeAnalysis: row.cause_analysis,
    measures: row.measures,
    replyDueAt: toIso(row.reply_due_at),
    status: row.status,
    findingIds: row.finding_ids,
    draftedBy: row.drafted_by,
    returnComment: row.return_comment,
    submittedAt: toIsoOrNull(row.submitted_at),
    issuedAt: toIsoOrNull(row.issued_at),
    receiptDueAt: toIsoOrNull(row.receipt_due_at),
    receipt: row.receipt,
    reply: row.reply,
    overdue: { receipt: row.overdue_receipt, reply: row.overdue_reply },
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    closedAt: toIsoOrNull(row.closed_at),
  };
}

const UNISSUED = `status NOT IN ('DRAFT', 'PENDING_SIGNOFF')`;

/** Reads of the recommendations table (纪检监察建议书); ids must already be well-formed uuids. */
export class RecommendationQueries {
  constructor(private readonly db: DataSource) {}

  async get(id: string): Promise<RecommendationView | null> {
    const rows: RecommendationRow[] = await this.db.query('SELECT * FROM recommendations WHERE id = $1', [id]);
    return rows[0] ? toRecommendationView(rows[0]) : null;
  }

  /** Newest first. */
  async list(filter: RecommendationFilter, page: PageRequest): Promise<Page<RecommendationView>> {
    const where = new WhereClause()
      .add((p) => `status = ${p}`, filter.status)
      .add((p) => `unit_id = ${p}`, filter.unitId)
      .add((p) => `case_id = ${p}`, filter.caseId)
      .add((p) => `(overdue_receipt OR overdue_reply) = ${p}`, filter.overdue)
      .within(filter.within);
    if (filter.issuedOnly) where.always(UNISSUED);
    const paged = where.paged(page);
    const [rows, count] = await Promise.all([
      this.db.query(`SELECT * FROM recommendations ${where.toSql()} ORDER BY created_at DESC, id DESC ${paged.sql}`, paged.params),
      this.db.query(`SELECT count(*) AS count FROM recommendations ${where.toSql()}`, where.params),
    ]);
    return { items: (rows as RecommendationRow[]).map(toRecommendationView), total: countOf(count) };
  }

  /** 待签发 — every recommendation waiting for sign-off, the longest-waiting first. */
  async pendingSignoff(within?: Within[]): Promise<RecommendationView[]> {
    const where = new WhereClause().always(`status = 'PENDING_SIGNOFF'`).within(within);
    const rows: RecommendationRow[] = await this.db.query(
      `SELECT * FROM recommendations ${where.toSql()} ORDER BY submitted_at, id`,
      where.params,
    );
    return rows.map(toRecommendationView);
  }

  /** 建议书 statistics in one grouped scan: issued in the period, signed for and answered in time or late, by unit. */
  async report(filter: RecommendationReportFilter): Promise<Omit<RecommendationReport, 'from' | 'to'>> {
    const where = new WhereClause()
      .always('r.issued_at IS NOT NULL')
      .add((p) => `r.issued_at >= ${p}`, filter.issued?.from)
      .add((p) => `r.issued_at < ${p}`, filter.issued?.before)
      .add((p) => `r.unit_id = ${p}`, filter.unitId)
      .within(filter.within, 'r.');
    const rows: Array<Record<string, string> & { unit_id: string; unit_name: string | null }> = await this.db.query(
      `SELECT r.unit_id, u.name AS unit_name, count(*) AS issued,
         count(*) FILTER (WHERE (r.receipt->>'signedAt')::timestamptz <= r.receipt_due_at) AS signed_in_time,
         count(*) FILTER (WHERE (r.receipt->>'signedAt')::timestamptz > r.receipt_due_at) AS signed_late,
         count(*) FILTER (WHERE r.receipt IS NULL) AS awaiting_receipt,
         count(*) FILTER (WHERE (r.reply->>'submittedAt')::timestamptz <= r.reply_due_at) AS answered_in_time,
         count(*) FILTER (WHERE (r.reply->>'submittedAt')::timestamptz > r.reply_due_at) AS answered_late,
         count(*) FILTER (WHERE r.reply IS NULL) AS awaiting_reply
       FROM recommendations r LEFT JOIN org_units u ON u.id = r.unit_id
       ${where.toSql()} GROUP BY r.unit_id, u.name ORDER BY r.unit_id`,
      where.params,
    );
    const byUnit = rows.map((row) => ({ unitId: row.unit_id, unitName: row.unit_name, ...counts(row) }));
    const total = counts({});
    for (const unit of byUnit) for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += unit[key];
    return { ...total, byUnit };
  }
}

function counts(row: Record<string, string | null>) {
  const n = (column: string) => Number(row[column] ?? 0);
  return {
    issued: n('issued'),
    signedInTime: n('signed_in_time'),
    signedLate: n('signed_late'),
    awaitingReceipt: n('awaiting_receipt'),
    answeredInTime: n('answered_in_time'),
    answeredLate: n('answered_late'),
    awaitingReply: n('awaiting_reply'),
  };
}
