import type { DataSource } from 'typeorm';
import type { AuditEntry, EventType, Page, TimelineEvent } from '@reform/contracts';
import { countOf, toIso, WhereClause, type PageRequest, type Within } from './sql-support';

export interface AuditFilter {
  entityId?: string;
  type?: EventType;
  /** Inclusive bounds on the event's time, ISO strings. */
  from?: string;
  to?: string;
  within?: Within[];
}

interface EventRow {
  entity_id: string;
  seq: number;
  type: EventType;
  at: Date | string;
  actor: string;
  actor_name: string | null;
  data: Record<string, unknown> | null;
}

/** The actor's name comes from the people register as it stands (a renamed person shows the new name). */
const COLUMNS = 'entity_id, seq, type, at, actor, (SELECT p.name FROM people p WHERE p.id = events.actor) AS actor_name, data';

function toTimelineEvent(row: EventRow): TimelineEvent {
  return { seq: Number(row.seq), type: row.type, at: toIso(row.at), actor: row.actor, actorName: row.actor_name, data: row.data ?? {} };
}

function toAuditEntry(row: EventRow): AuditEntry {
  return { entityId: row.entity_id, ...toTimelineEvent(row) };
}

/** Reads of the append-only events table: a finding's timeline and the audit log. */
export class AuditQueries {
  constructor(private readonly db: DataSource) {}

  async timeline(entityId: string): Promise<TimelineEvent[]> {
    const rows: EventRow[] = await this.db.query(`SELECT ${COLUMNS} FROM events WHERE entity_id = $1 ORDER BY seq`, [entityId]);
    return rows.map(toTimelineEvent);
  }

  /** Oldest first, in the order the events were stored. */
  async list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>> {
    const where = new WhereClause()
      .add((p) => `entity_id = ${p}`, filter.entityId)
      .add((p) => `type = ${p}`, filter.type)
      .add((p) => `at >= ${p}`, filter.from)
      .add((p) => `at <= ${p}`, filter.to)
      .entitiesWithin(filter.within, { events: true });
    const paged = where.paged(page);
    const [rows, count] = await Promise.all([
      this.db.query(`SELECT ${COLUMNS} FROM events ${where.toSql()} ORDER BY at, id ${paged.sql}`, paged.params),
      this.db.query(`SELECT count(*) AS count FROM events ${where.toSql()}`, where.params),
    ]);
    return { items: (rows as EventRow[]).map(toAuditEntry), total: countOf(count) };
  }
}
