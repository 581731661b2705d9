import type { DataSource } from 'typeorm';
import type { InterviewStatus, InterviewView, Page } from '@reform/contracts';
import type { TableRow } from '../schema';
import { countOf, toIso, toIsoOrNull, WhereClause, type PageRequest, type Within } from './sql-support';

export interface InterviewFilter {
  unitId?: string;
  status?: InterviewStatus;
  /** Only those a finding of this id joined. */
  findingId?: string;
  within?: Within[];
}

type InterviewRow = TableRow<'interviews'> & { finding_ids: string[] | null };

export function toInterviewView(row: InterviewRow): InterviewView {
  return {
    id: row.id,
    unitId: row.unit_id,
    status: row.status,
    findingIds: row.finding_ids ?? [],
    scheduledAt: toIsoOrNull(row.scheduled_at),
    interviewer: row.interviewer,
    interviewee:
      row.interviewee_name === null || row.interviewee_tier === null ? null : { name: row.interviewee_name, tier: row.interviewee_tier },
    heldAt: toIsoOrNull(row.held_at),
    minutes: row.minutes,
    statement: row.statement,
    evidence: row.evidence,
    overdue: row.overdue,
    proposedAt: toIso(row.proposed_at),
    dueAt: toIso(row.due_at),
    trackingOfficeId: row.tracking_office_id,
    updatedAt: toIso(row.updated_at),
  };
}

// Its findings in the order they joined, gathered beside the row.
const SELECT_INTERVIEWS = `
  SELECT i.*, (SELECT array_agg(f.finding_id::text ORDER BY f.joined_at, f.finding_id) FROM interview_findings f WHERE f.interview_id = i.id) AS finding_ids
  FROM interviews i`;

/** Reads of the interviews table (约谈); ids must already be well-formed uuids. */
export class InterviewQueries {
  constructor(private readonly db: DataSource) {}

  async get(id: string): Promise<InterviewView | null> {
    const rows: InterviewRow[] = await this.db.query(`${SELECT_INTERVIEWS} WHERE i.id = $1`, [id]);
    return rows[0] ? toInterviewView(rows[0]) : null;
  }

  /** Newest proposal first. */
  async list(filter: InterviewFilter, page: PageRequest): Promise<Page<InterviewView>> {
    const where = new WhereClause()
      .add((p) => `i.unit_id = ${p}`, filter.unitId)
      .add((p) => `i.status = ${p}`, filter.status)
      .add((p) => `EXISTS (SELECT 1 FROM interview_findings j WHERE j.interview_id = i.id AND j.finding_id = ${p})`, filter.findingId)
      .within(filter.within, 'i.');
    const paged = where.paged(page);
    const [rows, count] = await Promise.all([
      this.db.query(`${SELECT_INTERVIEWS} ${where.toSql()} ORDER BY i.proposed_at DESC, i.id DESC ${paged.sql}`, paged.params),
      this.db.query(`SELECT count(*) AS count FROM interviews i ${where.toSql()}`, where.params),
    ]);
    return { items: (rows as InterviewRow[]).map(toInterviewView), total: countOf(count) };
  }
}
