import type {
  Accountability,
  AccountabilityForm,
  AccountabilityTarget,
  FourForm,
  ApprovalKind,
  CaseSource,
  CaseStatus,
  DocumentKind,
  Drift,
  FileType,
  FindingStatus,
  InterviewStatus,
  IntervieweeTier,
  DeliveryStatus,
  NotificationKind,
  NotifiedPerson,
  NotifyChannel,
  OrgUnitKind,
  Recipient,
  Receipt,
  RecommendationStatus,
  ReconciliationRun,
  Reply,
  StoredEvidence,
} from '@reform/contracts';

/** The PostgreSQL types this schema uses, spelled as the migrations spell them. */
export type PgType = 'uuid' | 'text' | 'int' | 'bigint' | 'boolean' | 'timestamptz' | 'jsonb' | 'bytea';

/** One column: its PostgreSQL type and nullability, and (type only) the value `pg` hands over for it. */
export interface Column<Value> {
  readonly type: PgType;
  readonly nullable: boolean;
  /** Filled in by the database (a sequence); never written by the code. */
  readonly generated: boolean;
  readonly value?: Value;
}

function column<Value>(type: PgType): Column<Value> {
  return { type, nullable: false, generated: false };
}

function nullable<Value>(of: Column<Value>): Column<Value | null> {
  return { ...of, nullable: true } as Column<Value | null>;
}

function generated<Value>(of: Column<Value>): Column<Value> {
  return { ...of, generated: true };
}

// Timestamps are read back as Date and written as ISO strings; int8 arrives as a string.
const uuid = () => column<string>('uuid');
const text = <T extends string = string>() => column<T>('text');
const int = () => column<number>('int');
const bigint = () => column<string>('bigint');
const bool = () => column<boolean>('boolean');
const timestamptz = () => column<Date | string>('timestamptz');
const jsonb = <T = Record<string, unknown>>() => column<T>('jsonb');
const bytea = () => column<Buffer>('bytea');

/** A notification's outbox state: nothing to send beyond the inbox, still sending, or every send settled (some may have failed). */
export type NotificationStatus = 'pending' | 'delivered' | 'recorded' | 'failed';

/**
 * Every table and column the migrations create, and nothing else: the raw SQL's row types are
 * derived from this list (`TableRow`), and `test/integration/schema.int-spec.ts` fails when a
 * migrated database disagrees with it. A migration that changes a column changes it here too.
 */
export const SCHEMA = {
  case_codes: { year: int(), last_number: int() },
  cases: {
    id: uuid(),
    code: text(),
    title: text(),
    summary: text(),
    source: text<CaseSource>(),
    status: text<CaseStatus>(),
    opened_by: text(),
    created_at: timestamptz(),
    updated_at: timestamptz(),
    closed_at: nullable(timestamptz()),
    version: int(),
  },
  findings: {
    id: uuid(),
    case_id: uuid(),
    title: text(),
    description: text(),
    category: nullable(text()),
    unit_id: text(),
    responsible_person: nullable(text()),
    due_at: timestamptz(),
    status: text<FindingStatus>(),
    overdue: bool(),
    escalation_level: int(),
    accountability: text<Accountability>(),
    pending_approval: nullable(text<ApprovalKind>()),
    pending_since: nullable(timestamptz()),
    opened_by: text(),
    tracking_office_id: nullable(text()),
    created_at: timestamptz(),
    updated_at: timestamptz(),
    closed_at: nullable(timestamptz()),
    version: int(),
    recommendation_id: nullable(uuid()),
    interview_id: nullable(uuid()),
    // 问责结果: all set together once accountability is decided, else all null.
    outcome_target: nullable(text<AccountabilityTarget>()),
    outcome_person_name: nullable(text()),
    outcome_form: nullable(text<AccountabilityForm>()),
    outcome_decided_by: nullable(text()),
    outcome_doc_no: nullable(text()),
    outcome_decided_at: nullable(timestamptz()),
    outcome_four_form: nullable(column<FourForm>('int')),
  },
  /** How many findings share each key, kept by triggers on findings; tracking_office_id '' for none. */
  finding_counts: {
    unit_id: text(),
    tracking_office_id: text(),
    status: text<FindingStatus>(),
    overdue: bool(),
    escalation_level: int(),
    n: bigint(),
  },
  recommendations: {
    id: uuid(),
    case_id: uuid(),
    unit_id: text(),
    tracking_office_id: text(),
    doc_no: nullable(text()),
    document_id: nullable(uuid()),
    title: text(),
    cause_analysis: text(),
    measures: text(),
    reply_due_at: timestamptz(),
    status: text<RecommendationStatus>(),
    finding_ids: jsonb<string[]>(),
    drafted_by: text(),
    return_comment: nullable(text()),
    submitted_at: nullable(timestamptz()),
    issued_at: nullable(timestamptz()),
    receipt_due_at: nullable(timestamptz()),
    receipt: nullable(jsonb<Receipt>()),
    reply: nullable(jsonb<Reply>()),
    overdue_receipt: bool(),
    overdue_reply: bool(),
    created_at: timestamptz(),
    updated_at: timestamptz(),
    closed_at: nullable(timestamptz()),
    version: int(),
  },
  interviews: {
    id: uuid(),
    unit_id: text(),
    status: text<InterviewStatus>(),
    proposed_at: timestamptz(),
    due_at: timestamptz(),
    scheduled_at: nullable(timestamptz()),
    interviewer: nullable(text()),
    interviewee_name: nullable(text()),
    interviewee_tier: nullable(text<IntervieweeTier>()),
    held_at: nullable(timestamptz()),
    minutes: nullable(text()),
    statement: nullable(text()),
    evidence: jsonb<StoredEvidence[]>(),
    overdue: bool(),
    tracking_office_id: nullable(text()),
    version: int(),
    updated_at: timestamptz(),
  },
  interview_findings: { interview_id: uuid(), finding_id: uuid(), joined_at: timestamptz() },
  // The audit log keeps whatever text was stored, so that verification hashes it as it is.
  events: {
    id: generated(bigint()),
    entity_id: uuid(),
    entity_type: text(),
    case_id: nullable(uuid()),
    seq: int(),
    type: text(),
    at: timestamptz(),
    actor: text(),
    data: jsonb(),
    chain_index: int(),
    prev_hash: text(),
    hash: text(),
  },
  notifications: {
    key: text(),
    kind: text<NotificationKind>(),
    finding_id: nullable(uuid()),
    case_id: nullable(uuid()),
    recipient: jsonb<Recipient>(),
    subject: text(),
    data: jsonb(),
    created_at: timestamptz(),
    status: text<NotificationStatus>(),
    attempts: int(),
    last_error: nullable(text()),
    delivered_at: nullable(timestamptz()),
    recommendation_id: nullable(uuid()),
    interview_id: nullable(uuid()),
    unit_id: nullable(text()),
    tracking_office_id: nullable(text()),
    title: nullable(text()),
    body: nullable(text()),
    recipients: jsonb<NotifiedPerson[]>(),
  },
  notification_deliveries: {
    id: generated(bigint()),
    notification_key: text(),
    channel: text<NotifyChannel>(),
    person_id: nullable(text()),
    address: nullable(text()),
    queue: text(),
    status: text<DeliveryStatus>(),
    attempts: int(),
    last_error: nullable(text()),
    next_attempt_at: nullable(timestamptz()),
    leased_until: nullable(timestamptz()),
    delivered_at: nullable(timestamptz()),
    created_at: timestamptz(),
  },
  notification_reads: { notification_key: text(), person_id: text(), read_at: timestamptz() },
  org_units: {
    id: text(),
    name: text(),
    kind: text<OrgUnitKind>(),
    parent_id: nullable(text()),
    supervises: jsonb<string[]>(),
    active: bool(),
    head_person_id: nullable(text()),
    liaison_person_id: nullable(text()),
    created_at: timestamptz(),
    updated_at: timestamptz(),
    version: int(),
  },
  people: {
    id: text(),
    name: text(),
    org_unit_id: text(),
    mobile: nullable(text()),
    email: nullable(text()),
    wecom_user_id: nullable(text()),
    active: bool(),
    created_at: timestamptz(),
    updated_at: timestamptz(),
    version: int(),
  },
  blob_uploads: { id: uuid(), started_at: timestamptz() },
  blob_chunks: { upload_id: uuid(), chunk_no: int(), data: bytea() },
  blobs: { sha256: text(), upload_id: uuid(), size: bigint(), chunk_size: int(), stored_at: timestamptz() },
  files: {
    id: uuid(),
    sha256: text(),
    name: text(),
    size: bigint(),
    content_type: text(),
    file_type: text<FileType>(),
    uploaded_by: text(),
    uploader_unit_id: nullable(text()),
    uploaded_at: timestamptz(),
  },
  file_links: { file_id: uuid(), finding_id: uuid() },
  file_downloads: { id: generated(bigint()), file_id: uuid(), actor: text(), at: timestamptz(), range: nullable(text()) },
  documents: {
    id: uuid(),
    kind: text<DocumentKind>(),
    year: int(),
    serial: int(),
    doc_no: text(),
    source_key: text(),
    case_id: uuid(),
    recipient_unit_id: text(),
    issuer_org_unit_id: text(),
    title: text(),
    issued_at: timestamptz(),
    pdf_file_id: nullable(uuid()),
    docx_file_id: nullable(uuid()),
    sha256_pdf: nullable(text()),
    sha256_docx: nullable(text()),
    frozen_at: nullable(timestamptz()),
  },
  document_findings: { document_id: uuid(), finding_id: uuid() },
  idempotency_keys: { actor: text(), key: text(), request_hash: text(), case_id: uuid(), created_at: timestamptz() },
  reconciliation_runs: {
    id: text(),
    status: text<ReconciliationRun['status']>(),
    started_at: timestamptz(),
    finished_at: nullable(timestamptz()),
    findings_checked: int(),
    cases_checked: int(),
    workflows_checked: int(),
    in_flight: int(),
    error: nullable(text()),
  },
  reconciliation_drifts: {
    run_id: text(),
    entity_type: text<Drift['entityType']>(),
    entity_id: uuid(),
    kind: text<Drift['kind']>(),
    detail: text(),
    repaired: bool(),
    recorded_at: timestamptz(),
  },
} satisfies Record<string, Record<string, Column<unknown>>>;

export type Table = keyof typeof SCHEMA;
export type ColumnName<T extends Table> = keyof (typeof SCHEMA)[T] & string;

/** A row of `table` as `pg` reads it (and as the JSON recordsets write it), keyed by column name. */
export type TableRow<T extends Table> = {
  -readonly [K in ColumnName<T>]: (typeof SCHEMA)[T][K] extends Column<infer Value> ? Value : never;
};

/** The columns of `table` the code writes: all but those the database fills in. */
export function writtenColumns<T extends Table>(table: T): ColumnName<T>[] {
  const columns = columnsOf(table);
  return Object.keys(columns).filter((name) => !columns[name].generated) as ColumnName<T>[];
}

function columnsOf(table: Table): Record<string, Column<unknown>> {
  return SCHEMA[table];
}

/**
 * `INSERT ... SELECT` from one JSON array parameter ($1): any number of rows in one round trip,
 * with no bind-parameter limit to split around. The recordset is typed from the schema's columns.
 */
export function insertRowsSql<T extends Table>(table: T, onConflict: string, columns: ColumnName<T>[] = writtenColumns(table)): string {
  const names = columns.join(', ');
  const types = columns.map((name) => `${name} ${columnsOf(table)[name].type}`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types}) ${onConflict}`;
}
