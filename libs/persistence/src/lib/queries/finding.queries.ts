import type { DataSource } from 'typeorm';
import type {
  Accountability,
  AccountabilityForm,
  AccountabilityOutcome,
  AccountabilityTarget,
  ApprovalKind,
  FindingStatus,
  FindingInCase,
  FindingView,
  FourForm,
  Page,
} from '@reform/contracts';
import { countOf, toIso, toIsoOrNull, WhereClause, type PageRequest, type Within } from './sql-support';

export interface FindingFilter {
  status?: FindingStatus;
  unitId?: string;
  overdue?: boolean;
  escalationLevel?: number;
  caseId?: string;
  trackingOfficeId?: string;
  /** Leaves out the findings of unissued recommendations (DRAFT): a unit sees a finding once it is assigned. */
  assignedOnly?: boolean;
  /** The caller's jurisdiction (and any narrower one asked for): all must hold. */
  within?: Within[];
}

/** A findings row as `pg` reads it, with the columns the contract's view shows. */
export interface FindingRow {
  id: string;
  case_id: string;
  title: string;
  description: string;
  category: string | null;
  unit_id: string;
  responsible_person: string | null;
  due_at: Date | string;
  status: FindingStatus;
  overdue: boolean;
  escalation_level: number;
  accountability: Accountability;
  pending_approval: ApprovalKind | null;
  tracking_office_id: string | null;
  recommendation_id: string | null;
  interview_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  closed_at: Date | string | null;
  outcome_target: AccountabilityTarget | null;
  outcome_person_name: string | null;
  outcome_form: AccountabilityForm | null;
  outcome_decided_by: string | null;
  outcome_doc_no: string | null;
  outcome_decided_at: Date | string | null;
  outcome_four_form: FourForm | null;
}

/** The 问责结果 columns, in the order outcomeOf reads them. */
export const OUTCOME_COLUMNS = `outcome_target, outcome_person_name, outcome_form, outcome_decided_by, outcome_doc_no,
  outcome_decided_at, outcome_four_form`;

const COLUMNS = `id, case_id, title, description, category, unit_id, responsible_person, due_at, status,
  overdue, escalation_level, accountability, pending_approval, tracking_office_id, recommendation_id, interview_id, created_at, updated_at, closed_at,
  ${OUTCOME_COLUMNS}`;

/** The case's code and title beside each finding; a lateral join exposes only these two names, so filters stay unqualified. */
const WITH_CASE = `findings LEFT JOIN LATERAL
  (SELECT cases.code AS case_code, cases.title AS case_title FROM cases WHERE cases.id = findings.case_id) of_case ON TRUE`;
const COLUMNS_WITH_CASE = `${COLUMNS}, case_code, case_title`;

interface FindingInCaseRow extends FindingRow {
  case_code: string;
  case_title: string;
}

/** 问责结果 from its columns: null until accountability is decided (outcome_target set). */
export function outcomeOf(row: Pick<FindingRow, Extract<keyof FindingRow, `outcome_${string}`>>): AccountabilityOutcome | null {
  if (row.outcome_target === null || row.outcome_target === undefined) return null;
  return {
    target: row.outcome_target,
    personName: row.outcome_person_name,
    form: row.outcome_form as AccountabilityForm,
    decidedBy: row.outcome_decided_by ?? '',
    decisionDocNo: row.outcome_doc_no ?? '',
    decidedAt: toIso(row.outcome_decided_at as Date | string),
    fourForm: Number(row.outcome_four_form) as FourForm,
  };
}

export function toFindingView(row: FindingRow): FindingView {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    description: row.description,
    category: row.category,
    unitId: row.unit_id,
    responsiblePerson: row.responsible_person,
    dueAt: toIso(row.due_at),
    status: row.status,
    overdue: row.overdue,
    escalationLevel: Number(row.escalation_level),
    accountability: row.accountability,
    pendingApproval: row.pending_approval,
    trackingOfficeId: row.tracking_office_id,
    recommendationId: row.recommendation_id,
    interviewId: row.interview_id,
    accountabilityOutcome: outcomeOf(row),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    closedAt: toIsoOrNull(row.closed_at),
  };
}

function toFindingInCase(row: FindingInCaseRow): FindingInCase {
  return { ...toFindingView(row), caseCode: row.case_code, caseTitle: row.case_title };
}

/**
 * Whether finding_counts (kept by triggers, see its migration) can count the findings `filter`
 * keeps: it has every column the filter may name but the case. A million-row ledger is counted
 * there in a sum over a few hundred keys instead of a scan of a million index entries.
 */
export function countedByKey(filter: FindingFilter): boolean {
  return filter.caseId === undefined;
}

/** The two ways to count a list, each followed by the same WHERE clause (its columns unqualified, or `f.` for both tables). */
const COUNT_ROWS = 'SELECT count(*) AS count FROM findings';
const COUNT_BY_KEY = 'SELECT coalesce(sum(n), 0) AS count FROM finding_counts';

/** Reads of the findings table (the ledger, 台账); ids must already be well-formed uuids. */
export class FindingQueries {
  constructor(private readonly db: DataSource) {}

  async findById(id: string): Promise<FindingInCase | null> {
    const rows: FindingInCaseRow[] = await this.db.query(`SELECT ${COLUMNS_WITH_CASE} FROM ${WITH_CASE} WHERE id = $1`, [id]);
    return rows[0] ? toFindingInCase(rows[0]) : null;
  }

  async listByCase(caseId: string, within?: Within[]): Promise<FindingView[]> {
    const where = new WhereClause().add((p) => `case_id = ${p}`, caseId).within(within);
    const rows: FindingRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM findings ${where.toSql()} ORDER BY created_at, id`,
      where.params,
    );
    return rows.map(toFindingView);
  }

  /** In the order findings were recorded (the ledger's order, served by an index); `total` from finding_counts when it can. */
  async list(filter: FindingFilter, page: PageRequest): Promise<Page<FindingInCase>> {
    const where = new WhereClause()
      .add((p) => `status = ${p}`, filter.status)
      .add((p) => `unit_id = ${p}`, filter.unitId)
      .add((p) => `overdue = ${p}`, filter.overdue)
      .add((p) => `escalation_level = ${p}`, filter.escalationLevel)
      .add((p) => `case_id = ${p}`, filter.caseId)
      .add((p) => `tracking_office_id = ${p}`, filter.trackingOfficeId)
      .within(filter.within);
    if (filter.assignedOnly) where.always(`status <> 'DRAFT'`);
    return this.page(where, 'created_at, id', page, countedByKey(filter) ? COUNT_BY_KEY : COUNT_ROWS);
  }

  /** Every finding waiting on a supervisor, the longest-waiting first; all of them unless a page is asked for. */
  async listPendingApprovals(page?: PageRequest, within?: Within[]): Promise<Page<FindingInCase>> {
    const where = new WhereClause().always('pending_approval IS NOT NULL').within(within);
    if (page) return this.page(where, 'pending_since, id', page);
    const rows: FindingInCaseRow[] = await this.db.query(
      `SELECT ${COLUMNS_WITH_CASE} FROM ${WITH_CASE} ${where.toSql()} ORDER BY pending_since, id`,
      where.params,
    );
    return { items: rows.map(toFindingInCase), total: rows.length };
  }

  private async page(where: WhereClause, orderBy: string, page: PageRequest, count = COUNT_ROWS): Promise<Page<FindingInCase>> {
    const paged = where.paged(page);
    const [rows, counted] = await Promise.all([
      this.db.query(`SELECT ${COLUMNS_WITH_CASE} FROM ${WITH_CASE} ${where.toSql()} ORDER BY ${orderBy} ${paged.sql}`, paged.params),
      this.db.query(`${count} ${where.toSql()}`, where.params),
    ]);
    return { items: (rows as FindingInCaseRow[]).map(toFindingInCase), total: countOf(counted) };
  }
}
