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
 * The keys the audience sees (with when each was made, to order them by), each once, or only `key`
 * among them: one branch per way of seeing, each on its own index. `person` is the reader's
 * placeholder, for joining their read state.
 * UNION ALL, not UNION: the unit's and the decisions' branches differ by recipient kind, and the
 * reader's own inbox rows (one per notification) leave out what those two already hold, so no
 * branch repeats another and a supervisor at the root need not de-duplicate thousands of keys.
 */
function visibleKeys(audience: InboxAudience, q: WhereClause, key?: string): { keys: string; person: string } {
  const person = q.param(audience.personId);
  const one = key === undefined ? undefined : q.param(key);
  const only = (column: string) => (one === undefined ? '' : ` AND ${column} = ${one}`);
  const seenOtherwise: string[] = [];
  const branches: string[] = [];
  if (audience.unitId !== undefined) {
    const unit = `n.unit_id = ${q.param(audience.unitId)} AND n.recipient->>'kind' = 'unit'`;
    seenOtherwise.push(unit);
    branches.push(`SELECT n.key, n.created_at FROM notifications n WHERE ${unit}${only('n.key')}`);
  }
  if (audience.decisionsWithin !== undefined) {
    const decisions = `n.recipient->>'kind' IN ('supervisors', 'office') AND ${q.withinSql(audience.decisionsWithin, 'n.')}`;
    seenOtherwise.push(decisions);
    branches.push(`SELECT n.key, n.created_at FROM notifications n WHERE ${decisions}${only('n.key')}`);
  }
  const notSeenOtherwise = seenOtherwise.map((condition) => ` AND (${condition}) IS NOT TRUE`).join('');
  const own = `SELECT n.key, n.created_at FROM notification_deliveries d JOIN notifications n ON n.key = d.notification_key
    WHERE d.channel = 'inbox' AND d.person_id = ${person}${only('d.notification_key')}${notSeenOtherwise}`;
  return { keys: [own, ...branches].join(' UNION ALL '), person };
}

/** 通知 — a reader's notifications, and their read state (the inbox's own, kept per person by the API). */
export class InboxQueries {
  constructor(private readonly db: DataSource) {}

  /** Newest first; `unread` counts all the reader's unread ones, whatever the filter. */
  async list(audience: InboxAudience, filter: { unread?: boolean }, page: PageRequest): Promise<InboxPage> {
    const q = new WhereClause();
    const { keys, person } = visibleKeys(audience, q);
    const read = `LEFT JOIN notification_reads r ON r.notification_key = v.key AND r.person_id = ${person}`;
    const counting = this.db.query(
      `SELECT count(*) AS count, count(*) FILTER (WHERE r.read_at IS NULL) AS unread FROM (${keys}) v ${read}`,
      [...q.params],
    );
    if (filter.unread) q.always('r.read_at IS NULL');
    const paged = q.paged(page);
    // The page is chosen from the keys alone; only its rows are read in full.
    const listing = this.db.query(
      `SELECT n.key, n.kind, n.finding_id, n.recommendation_id, n.interview_id, n.created_at, p.read_at,
         coalesce(n.title, n.subject) AS title, coalesce(n.body, n.subject) AS body
       FROM (SELECT v.key, v.created_at, r.read_at FROM (${keys}) v ${read} ${q.toSql()}
             ORDER BY v.created_at DESC, v.key ${paged.sql}) p
       JOIN notifications n ON n.key = p.key
       ORDER BY p.created_at DESC, p.key`,
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
