import type { DataSource } from 'typeorm';
import { inboxKind, type InboxNotification, type InboxPage } from '@reform/contracts';
import type { TableRow } from '../schema';
import { countOf, toIso, toIsoOrNull, WhereClause, type PageRequest, type Within } from './sql-support';

/** Whose notifications a reader's inbox holds. The API decides it (AccessScope); the queries apply it. */
export interface InboxAudience {
  /** The reader: every notification with an inbox delivery to them. */
  personId: string;
  /** A unit user's unit: the notifications addressed to the unit. */
  unitId?: string;
  /** A supervisor's: those awaiting a decision (to the supervisors, or an office) within every one of these; `[]` everywhere. */
  decisionsWithin?: readonly Within[];
}

type InboxRow = Pick<TableRow<'notifications'>, 'key' | 'kind' | 'finding_id' | 'recommendation_id' | 'interview_id' | 'created_at'> & {
  title: string;
  body: string;
  read_at: Date | string | null;
};

function toInboxNotification(row: InboxRow): InboxNotification {
  return {
    id: row.key,
    kind: inboxKind(row.kind),
    findingId: row.finding_id,
    recommendationId: row.recommendation_id,
    interviewId: row.interview_id,
    title: row.title,
    body: row.body,
    createdAt: toIso(row.created_at),
    readAt: toIsoOrNull(row.read_at),
  };
}

/**
 * The keys the audience sees, one branch per way of seeing (each served by its own index), or only
 * `key` among them. `person` is the reader's placeholder, for joining their read state.
 */
function visibleKeys(audience: InboxAudience, q: WhereClause, key?: string): { keys: string; person: string } {
  const person = q.param(audience.personId);
  const one = key === undefined ? undefined : q.param(key);
  const only = (column: string) => (one === undefined ? '' : ` AND ${column} = ${one}`);
  const branches = [
    `SELECT d.notification_key AS key FROM notification_deliveries d WHERE d.channel = 'inbox' AND d.person_id = ${person}${only('d.notification_key')}`,
  ];
  if (audience.unitId !== undefined) {
    const unit = q.param(audience.unitId);
    branches.push(`SELECT n.key FROM notifications n WHERE n.unit_id = ${unit} AND n.recipient->>'kind' = 'unit'${only('n.key')}`);
  }
  if (audience.decisionsWithin !== undefined) {
    const within = q.withinSql(audience.decisionsWithin, 'n.');
    branches.push(`SELECT n.key FROM notifications n WHERE n.recipient->>'kind' IN ('supervisors', 'office') AND ${within}${only('n.key')}`);
  }
  return { keys: branches.join(' UNION '), person };
}

/** 通知 — a reader's notifications, and their read state (the inbox's own, kept per person by the API). */
export class InboxQueries {
  constructor(private readonly db: DataSource) {}

  /** Newest first; `unread` counts all the reader's unread ones, whatever the filter. */
  async list(audience: InboxAudience, filter: { unread?: boolean }, page: PageRequest): Promise<InboxPage> {
    const q = new WhereClause();
    const { keys, person } = visibleKeys(audience, q);
    const from = `FROM (${keys}) v JOIN notifications n ON n.key = v.key
      LEFT JOIN notification_reads r ON r.notification_key = n.key AND r.person_id = ${person}`;
    const counting = this.db.query(`SELECT count(*) AS count, count(*) FILTER (WHERE r.read_at IS NULL) AS unread ${from}`, [...q.params]);
    if (filter.unread) q.always('r.read_at IS NULL');
    const paged = q.paged(page);
    const listing = this.db.query(
      `SELECT n.key, n.kind, n.finding_id, n.recommendation_id, n.interview_id, n.created_at, r.read_at,
         coalesce(n.title, n.subject) AS title, coalesce(n.body, n.subject) AS body
       ${from} ${q.toSql()} ORDER BY n.created_at DESC, n.key ${paged.sql}`,
      paged.params,
    );
    const [rows, counts] = (await Promise.all([listing, counting])) as [InboxRow[], Array<{ count: string; unread: string }>];
    const unread = Number(counts[0]?.unread ?? 0);
    return { items: rows.map(toInboxNotification), unread, total: filter.unread ? unread : countOf(counts) };
  }

  /** Marks one read (the first reading stays); false when the audience does not see it. */
  async markRead(audience: InboxAudience, key: string): Promise<boolean> {
    const q = new WhereClause();
    const { keys, person } = visibleKeys(audience, q, key);
    const rows: Array<{ count: string }> = await this.db.query(
      `WITH target AS (${keys}),
         marked AS (INSERT INTO notification_reads (notification_key, person_id, read_at)
           SELECT key, ${person}, now() FROM target ON CONFLICT DO NOTHING)
       SELECT count(*) AS count FROM target`,
      q.params,
    );
    return countOf(rows) > 0;
  }

  /** Marks every one the audience sees read. */
  async markAllRead(audience: InboxAudience): Promise<void> {
    const q = new WhereClause();
    const { keys, person } = visibleKeys(audience, q);
    await this.db.query(
      `INSERT INTO notification_reads (notification_key, person_id, read_at)
       SELECT v.key, ${person}, now() FROM (${keys}) v ON CONFLICT DO NOTHING`,
      q.params,
    );
  }
}
