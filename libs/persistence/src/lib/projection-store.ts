import type {
  NotificationAddresser,
  AddFindingProjection,
  CaseProjection,
  FindingEffectsProjection,
  FindingProjection,
  InterviewProjection,
  OpenCaseProjection,
  RecommendationDraftedProjection,
  RecommendationProjection,
} from '@reform/contracts';
import type { DataSource } from 'typeorm';
import { appendEvents } from './event-append';
import { recordNotifications } from './outbox-store';
import { FINDING_MUTABLE_COLUMNS, caseRow, findingRow, interviewFindingRows, interviewRow, recommendationRow } from './projection-rows';
import { insertRowsSql, writtenColumns } from './schema';
import { inTransaction, type Sql } from './sql-transaction';

const INSERT_CASE = `${insertRowsSql('cases', 'ON CONFLICT (id) DO NOTHING')} RETURNING code`;
const INSERT_FINDINGS = insertRowsSql('findings', 'ON CONFLICT (id) DO NOTHING');
// A late retry of an older snapshot must never overwrite a newer one.
const UPSERT_FINDING = `${insertRowsSql('findings', 'ON CONFLICT (id) DO UPDATE SET')} ${FINDING_MUTABLE_COLUMNS.map(
  (name) => `${name} = EXCLUDED.${name}`,
).join(', ')} WHERE findings.version < EXCLUDED.version`;

const INSERT_RECOMMENDATION = insertRowsSql('recommendations', 'ON CONFLICT (id) DO NOTHING');
const RECOMMENDATION_IDENTITY = ['id', 'case_id', 'unit_id', 'tracking_office_id', 'drafted_by', 'created_at'];
// As for findings: only a newer snapshot replaces the row.
const UPSERT_RECOMMENDATION = `${insertRowsSql('recommendations', 'ON CONFLICT (id) DO UPDATE SET')} ${writtenColumns('recommendations')
  .filter((name) => !RECOMMENDATION_IDENTITY.includes(name))
  .map((name) => `${name} = EXCLUDED.${name}`)
  .join(', ')} WHERE recommendations.version < EXCLUDED.version`;

// As for findings: only a newer snapshot replaces the row; its unit and proposal never change.
const UPSERT_INTERVIEW = `${insertRowsSql('interviews', 'ON CONFLICT (id) DO UPDATE SET')} ${writtenColumns('interviews')
  .filter((name) => !['id', 'unit_id', 'proposed_at', 'due_at'].includes(name))
  .map((name) => `${name} = EXCLUDED.${name}`)
  .join(', ')} WHERE interviews.version < EXCLUDED.version`;
const INSERT_INTERVIEW_FINDINGS = insertRowsSql('interview_findings', 'ON CONFLICT DO NOTHING');
const LINK_INTERVIEW_EVIDENCE = `
  INSERT INTO file_links (file_id, finding_id)
  SELECT file_id, finding_id FROM unnest($1::uuid[]) AS file_id CROSS JOIN unnest($2::uuid[]) AS finding_id
  ON CONFLICT DO NOTHING`;

const NEXT_CASE_NUMBER = `
  INSERT INTO case_codes (year, last_number) VALUES ($1, 1)
  ON CONFLICT (year) DO UPDATE SET last_number = case_codes.last_number + 1
  RETURNING last_number`;

export function caseCode(year: number, number: number): string {
  return `ZG-${year}-${String(number).padStart(4, '0')}`;
}

/**
 * Writes what workflows project into the read model. Every method is idempotent: retried or
 * concurrent calls with the same input leave the same rows, and events land once by (entity, seq),
 * hash-chained into the audit log (see appendEvents).
 */
export class ProjectionStore {
  constructor(private readonly dataSource: DataSource) {}

  async caseOpened(input: OpenCaseProjection): Promise<{ code: string }> {
    return inTransaction(this.dataSource, async (sql) => {
      const existing = await this.codeOf(sql, input.case.id);
      if (existing) return { code: existing };
      // The counter row stays locked until commit, so numbers are handed out one case at a time.
      const [{ last_number }] = await sql<{ last_number: number }>(NEXT_CASE_NUMBER, [input.year]);
      const inserted = await sql<{ code: string }>(INSERT_CASE, [JSON.stringify([caseRow(input.case, caseCode(input.year, last_number))])]);
      if (inserted.length === 0) {
        // A concurrent call for the same case won; hand our number back (we still hold the lock).
        await sql('UPDATE case_codes SET last_number = last_number - 1 WHERE year = $1', [input.year]);
        return { code: (await this.codeOf(sql, input.case.id)) as string };
      }
      if (input.findings.length > 0) await sql(INSERT_FINDINGS, [JSON.stringify(input.findings.map(findingRow))]);
      await appendEvents(sql, input.events);
      return { code: inserted[0].code };
    });
  }

  async findingAdded(input: AddFindingProjection): Promise<void> {
    await inTransaction(this.dataSource, async (sql) => {
      await sql(INSERT_FINDINGS, [JSON.stringify([findingRow(input.finding)])]);
      await appendEvents(sql, input.events);
      await sql('UPDATE cases SET updated_at = $2, version = $3 WHERE id = $1 AND version < $3', [
        input.caseId,
        input.finding.createdAt,
        input.caseVersion,
      ]);
    });
  }

  async finding(input: FindingProjection): Promise<void> {
    await inTransaction(this.dataSource, (sql) => writeFinding(sql, input));
  }

  /**
   * A finding, its events and the notifications they caused, in one transaction; notifications are
   * addressed by `address` and recorded, and the keys still to deliver are answered.
   */
  async findingEffects(input: FindingEffectsProjection, address: NotificationAddresser): Promise<{ deliver: string[] }> {
    return inTransaction(this.dataSource, async (sql) => {
      await writeFinding(sql, input);
      return { deliver: await recordNotifications(sql, input.notifications, address) };
    });
  }

  /** A drafted recommendation, its findings in DRAFT and the case's FINDING_ADDED events, at once. */
  async recommendationDrafted(input: RecommendationDraftedProjection): Promise<void> {
    await inTransaction(this.dataSource, async (sql) => {
      await sql(INSERT_RECOMMENDATION, [JSON.stringify([recommendationRow(input.recommendation)])]);
      await sql(INSERT_FINDINGS, [JSON.stringify(input.findings.map(findingRow))]);
      await appendEvents(sql, input.events);
      await sql('UPDATE cases SET updated_at = $2, version = $3 WHERE id = $1 AND version < $3', [
        input.caseId,
        input.recommendation.createdAt,
        input.caseVersion,
      ]);
    });
  }

  /**
   * A recommendation's new state with its events, at issue its findings' first rows too, and the
   * notifications its events caused (addressed by `address`), in one transaction.
   */
  async recommendation(input: RecommendationProjection, address: NotificationAddresser): Promise<{ deliver: string[] }> {
    return inTransaction(this.dataSource, async (sql) => {
      await appendEvents(sql, input.events);
      await sql(UPSERT_RECOMMENDATION, [JSON.stringify([recommendationRow(input.recommendation)])]);
      if (input.findings.length > 0) await sql(UPSERT_FINDING, [JSON.stringify(input.findings.map(findingRow))]);
      return { deliver: await recordNotifications(sql, input.notifications, address) };
    });
  }

  /**
   * An interview's new state with its events and notifications, the findings it concerns, and
   * (once held) its record's files readable by whoever sees those findings, in one transaction.
   */
  async interview(input: InterviewProjection, address: NotificationAddresser): Promise<{ deliver: string[] }> {
    return inTransaction(this.dataSource, async (sql) => {
      await appendEvents(sql, input.events);
      await sql(UPSERT_INTERVIEW, [JSON.stringify([interviewRow(input.interview)])]);
      await sql(INSERT_INTERVIEW_FINDINGS, [JSON.stringify(interviewFindingRows(input.interview))]);
      const fileIds = input.interview.evidence.map((file) => file.fileId);
      if (fileIds.length > 0) await sql(LINK_INTERVIEW_EVIDENCE, [fileIds, input.interview.findingIds]);
      return { deliver: await recordNotifications(sql, input.notifications, address) };
    });
  }

  async case(input: CaseProjection): Promise<void> {
    await inTransaction(this.dataSource, async (sql) => {
      await appendEvents(sql, input.events);
      await sql(
        `UPDATE cases SET status = $2, closed_at = $3, updated_at = $4, version = $5
         WHERE id = $1 AND version < $5`,
        [input.caseId, input.status, input.closedAt, input.updatedAt, input.version],
      );
    });
  }

  private async codeOf(sql: Sql, caseId: string): Promise<string | undefined> {
    const rows = await sql<{ code: string }>('SELECT code FROM cases WHERE id = $1', [caseId]);
    return rows[0]?.code;
  }
}

const LINK_EVIDENCE = `INSERT INTO file_links (file_id, finding_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`;

/** A finding's new events and its row (never over a newer one), inside the caller's transaction. */
async function writeFinding(sql: Sql, input: FindingProjection): Promise<void> {
  await appendEvents(sql, input.events);
  await sql(UPSERT_FINDING, [JSON.stringify([findingRow(input.finding)])]);
  await linkEvidence(sql, input);
}

/** A report's stored files become evidence of its finding: whoever sees the finding may read them. */
async function linkEvidence(sql: Sql, input: FindingProjection): Promise<void> {
  const fileIds = input.events
    .filter((event) => event.type === 'REPORT_SUBMITTED')
    .flatMap((event) => (Array.isArray(event.data['evidence']) ? event.data['evidence'] : []))
    .map((item: { fileId?: unknown }) => item.fileId)
    .filter((fileId): fileId is string => typeof fileId === 'string');
  if (fileIds.length === 0) return;
  await sql(LINK_EVIDENCE, [fileIds, input.finding.id]);
}
