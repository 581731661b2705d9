import type { CaseRecord, FindingRecord, InterviewRecord, RecommendationRecord } from '@reform/contracts';
import type { ChainedEntry } from './audit-chain';
import { writtenColumns, type TableRow } from './schema';

/** Columns a newer finding snapshot replaces; identity and origin never change. */
export const FINDING_MUTABLE_COLUMNS = writtenColumns('findings').filter(
  (name) => !['id', 'case_id', 'opened_by', 'created_at'].includes(name),
);

export function caseRow(record: CaseRecord, code: string): TableRow<'cases'> {
  return {
    id: record.id,
    code,
    title: record.title,
    summary: record.summary,
    source: record.source,
    status: record.status,
    opened_by: record.openedBy,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    closed_at: record.closedAt,
    version: record.version,
  };
}

export function findingRow(record: FindingRecord): TableRow<'findings'> {
  return {
    id: record.id,
    case_id: record.caseId,
    title: record.title,
    description: record.description,
    category: record.category,
    unit_id: record.unitId,
    responsible_person: record.responsiblePerson,
    due_at: record.dueAt,
    status: record.status,
    overdue: record.overdue,
    escalation_level: record.escalationLevel,
    accountability: record.accountability,
    pending_approval: record.pendingApproval,
    pending_since: record.pendingSince,
    opened_by: record.openedBy,
    tracking_office_id: record.trackingOfficeId,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    closed_at: record.closedAt,
    version: record.version,
    recommendation_id: record.recommendationId,
    interview_id: record.interviewId,
    ...outcomeColumns(record.accountabilityOutcome),
  };
}

type OutcomeColumns = Pick<
  TableRow<'findings'>,
  | 'outcome_target'
  | 'outcome_person_name'
  | 'outcome_form'
  | 'outcome_decided_by'
  | 'outcome_doc_no'
  | 'outcome_decided_at'
  | 'outcome_four_form'
>;

/** 问责结果 in its columns: all null until accountability is decided. */
function outcomeColumns(outcome: FindingRecord['accountabilityOutcome']): OutcomeColumns {
  return {
    outcome_target: outcome?.target ?? null,
    outcome_person_name: outcome?.personName ?? null,
    outcome_form: outcome?.form ?? null,
    outcome_decided_by: outcome?.decidedBy ?? null,
    outcome_doc_no: outcome?.decisionDocNo ?? null,
    outcome_decided_at: outcome?.decidedAt ?? null,
    outcome_four_form: outcome?.fourForm ?? null,
  };
}

export function recommendationRow(record: RecommendationRecord): TableRow<'recommendations'> {
  return {
    id: record.id,
    case_id: record.caseId,
    unit_id: record.unitId,
    tracking_office_id: record.trackingOfficeId,
    doc_no: record.docNo,
    document_id: record.documentId,
    title: record.title,
    cause_analysis: record.causeAnalysis,
    measures: record.measures,
    reply_due_at: record.replyDueAt,
    status: record.status,
    finding_ids: record.findingIds,
    drafted_by: record.draftedBy,
    return_comment: record.returnComment,
    submitted_at: record.submittedAt,
    issued_at: record.issuedAt,
    receipt_due_at: record.receiptDueAt,
    receipt: record.receipt,
    reply: record.reply,
    overdue_receipt: record.overdue.receipt,
    overdue_reply: record.overdue.reply,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    closed_at: record.closedAt,
    version: record.version,
  };
}

export function interviewRow(record: InterviewRecord): TableRow<'interviews'> {
  return {
    id: record.id,
    unit_id: record.unitId,
    status: record.status,
    proposed_at: record.proposedAt,
    due_at: record.dueAt,
    scheduled_at: record.scheduledAt,
    interviewer: record.interviewer,
    interviewee_name: record.interviewee?.name ?? null,
    interviewee_tier: record.interviewee?.tier ?? null,
    held_at: record.heldAt,
    minutes: record.minutes,
    statement: record.statement,
    evidence: record.evidence,
    overdue: record.overdue,
    tracking_office_id: record.trackingOfficeId,
    version: record.version,
    updated_at: record.updatedAt,
  };
}

export function interviewFindingRows(record: InterviewRecord): TableRow<'interview_findings'>[] {
  return record.findingIds.map((findingId) => ({
    interview_id: record.id,
    finding_id: findingId,
    joined_at: record.joinedAt[findingId] ?? record.proposedAt,
  }));
}

/** An event row with its place in its entity's hash chain. */
export function eventRow(entry: ChainedEntry, link: { prevHash: string; hash: string }): Omit<TableRow<'events'>, 'id'> {
  return {
    entity_id: entry.entityId,
    entity_type: entry.entityType,
    case_id: entry.caseId,
    seq: entry.seq,
    type: entry.type,
    at: entry.at,
    actor: entry.actor,
    data: entry.data,
    chain_index: entry.chainIndex,
    prev_hash: link.prevHash,
    hash: link.hash,
  };
}
