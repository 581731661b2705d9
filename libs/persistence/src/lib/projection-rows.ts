import type { CaseRecord, FindingRecord } from '@reform/contracts';
import type { ChainedEntry } from './audit-chain';

/** A row keyed by column name, as PostgreSQL reads it from a JSON object. */
export type Row = Record<string, unknown>;

/** Each table's written columns and their types; the JSON recordset is typed from these. */
const COLUMNS = {
  cases: {
    id: 'uuid', code: 'text', title: 'text', summary: 'text', source: 'text', status: 'text',
    opened_by: 'text', created_at: 'timestamptz', updated_at: 'timestamptz', closed_at: 'timestamptz',
    version: 'int',
  },
  findings: {
    id: 'uuid', case_id: 'uuid', title: 'text', description: 'text', category: 'text', unit_id: 'text',
    responsible_person: 'text', due_at: 'timestamptz', status: 'text', overdue: 'boolean',
    escalation_level: 'int', accountability: 'text', pending_approval: 'text', pending_since: 'timestamptz',
    opened_by: 'text', created_at: 'timestamptz', updated_at: 'timestamptz', closed_at: 'timestamptz',
    version: 'int',
  },
  events: {
    entity_id: 'uuid', entity_type: 'text', case_id: 'uuid', seq: 'int', type: 'text', at: 'timestamptz',
    actor: 'text', data: 'jsonb', chain_index: 'int', prev_hash: 'text', hash: 'text',
  },
} as const;

type Table = keyof typeof COLUMNS;

/**
 * `INSERT ... SELECT` from one JSON array parameter ($1): any number of rows in one round trip,
 * with no bind-parameter limit to split around.
 */
export function insertRowsSql(table: Table, onConflict: string): string {
  const columns = Object.entries(COLUMNS[table]);
  const names = columns.map(([name]) => name).join(', ');
  const types = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types}) ${onConflict}`;
}

/** Columns a newer finding snapshot replaces; identity and origin never change. */
export const FINDING_MUTABLE_COLUMNS = Object.keys(COLUMNS.findings).filter(
  (name) => !['id', 'case_id', 'opened_by', 'created_at'].includes(name),
);

export function caseRow(record: CaseRecord, code: string): Row {
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

export function findingRow(record: FindingRecord): Row {
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
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    closed_at: record.closedAt,
    version: record.version,
  };
}

/** An event row with its place in its entity's hash chain. */
export function eventRow(entry: ChainedEntry, link: { prevHash: string; hash: string }): Row {
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
