import type { DataSource } from 'typeorm';
import type { Actor, OrgUnit, Person } from '@reform/contracts';
import { appendEvents, type RegisterEventRecord } from './event-append';
import { toIso } from './queries/sql-support';
import { registerEntityId, type RegisterEntityType } from './register-events';
import { insertRowsSql, type TableRow } from './schema';
import { inTransaction, type Sql } from './sql-transaction';

/** The one-key advisory lock that serialises writes to the registers (the migration lock uses another key). */
const REGISTER_LOCK = 4_242_003;

export type OrgUnitFields = Omit<OrgUnit, 'createdAt' | 'updatedAt'>;
export type PersonFields = Omit<Person, 'createdAt' | 'updatedAt'>;

/** What a write did: created the record, changed it, or found it already as asked (no event). */
export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Inside a register transaction: the registers as they stand, and how many open findings a unit has. */
export interface RegisterSnapshot {
  orgUnits: OrgUnit[];
  openFindingsOf(unitId: string): Promise<number>;
  personExists(id: string): Promise<boolean>;
}

const ORG_UNIT_COLUMNS =
  'id, name, kind, parent_id, supervises, active, head_person_id, liaison_person_id, created_at, updated_at, version';
const PERSON_COLUMNS = 'id, name, org_unit_id, mobile, email, wecom_user_id, active, created_at, updated_at, version';
const UPSERT_ORG_UNIT = insertRowsSql(
  'org_units',
  `ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id,
   supervises = EXCLUDED.supervises, active = EXCLUDED.active, head_person_id = EXCLUDED.head_person_id,
   liaison_person_id = EXCLUDED.liaison_person_id, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`,
);
const UPSERT_PERSON = insertRowsSql(
  'people',
  `ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, org_unit_id = EXCLUDED.org_unit_id, mobile = EXCLUDED.mobile,
   email = EXCLUDED.email, wecom_user_id = EXCLUDED.wecom_user_id, active = EXCLUDED.active,
   updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`,
);

export function toOrgUnit(row: TableRow<'org_units'>): OrgUnit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    supervises: row.supervises ?? [],
    active: row.active,
    headPersonId: row.head_person_id,
    liaisonPersonId: row.liaison_person_id,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function toPerson(row: TableRow<'people'>): Person {
  return {
    id: row.id,
    name: row.name,
    orgUnitId: row.org_unit_id,
    mobile: row.mobile,
    email: row.email,
    wecomUserId: row.wecom_user_id,
    active: row.active,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/**
 * 组织机构与人员 — the org-unit and people registers. Every write runs under one advisory lock,
 * so the tree's rules are checked against the tree as it stands, and is recorded in the same
 * transaction as an ORG_UNIT_SAVED / PERSON_SAVED event in the audit log's hash chain.
 */
export class RegisterStore {
  constructor(private readonly db: DataSource) {}

  async orgUnits(): Promise<OrgUnit[]> {
    const rows: TableRow<'org_units'>[] = await this.db.query(`SELECT ${ORG_UNIT_COLUMNS} FROM org_units ORDER BY id`);
    return rows.map(toOrgUnit);
  }

  async people(filter: { orgUnitId?: string; ids?: string[] } = {}): Promise<Person[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.orgUnitId !== undefined) conditions.push(`org_unit_id = $${params.push(filter.orgUnitId)}`);
    if (filter.ids !== undefined) conditions.push(`id = ANY($${params.push(filter.ids)}::text[])`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: TableRow<'people'>[] = await this.db.query(`SELECT ${PERSON_COLUMNS} FROM people ${where} ORDER BY id`, params);
    return rows.map(toPerson);
  }

  /**
   * Saves org units in one transaction: `plan` sees the registers as they stand under the lock and
   * answers the org units to save (or throws, and nothing is written). All or nothing.
   */
  async saveOrgUnits(
    actor: Actor,
    plan: (snapshot: RegisterSnapshot) => Promise<OrgUnitFields[]>,
  ): Promise<Array<{ unit: OrgUnit; outcome: SaveOutcome }>> {
    return inTransaction(this.db, async (sql) => {
      const rows = await lockedOrgUnits(sql);
      const current = new Map(rows.map((row) => [row.id, row]));
      const saves = await plan(snapshotOf(sql, rows.map(toOrgUnit)));
      const now = new Date().toISOString();
      const results: Array<{ unit: OrgUnit; outcome: SaveOutcome }> = [];
      const writes: TableRow<'org_units'>[] = [];
      const events: RegisterEventRecord[] = [];
      for (const fields of saves) {
        const existing = current.get(fields.id);
        const row: TableRow<'org_units'> = {
          id: fields.id,
          name: fields.name,
          kind: fields.kind,
          parent_id: fields.parentId,
          supervises: fields.supervises,
          active: fields.active,
          head_person_id: fields.headPersonId,
          liaison_person_id: fields.liaisonPersonId,
          created_at: existing?.created_at ?? now,
          updated_at: now,
          version: (existing?.version ?? 0) + 1,
        };
        if (existing && sameFields(toOrgUnit(existing), fields)) {
          results.push({ unit: toOrgUnit(existing), outcome: 'unchanged' });
          continue;
        }
        writes.push(row);
        current.set(row.id, row);
        events.push(
          registerEvent('org_unit', row.id, row.version, 'ORG_UNIT_SAVED', now, actor, {
            orgUnitId: row.id,
            ...fields,
            created: !existing,
          }),
        );
        results.push({ unit: toOrgUnit(row), outcome: existing ? 'updated' : 'created' });
      }
      if (writes.length > 0) {
        // Parents first, so that the foreign key holds row by row.
        for (const row of writes) await sql(UPSERT_ORG_UNIT, [JSON.stringify([row])]);
        await appendEvents(sql, events);
      }
      return results;
    });
  }

  /** Saves one person, after `check` has seen the registers under the lock (it throws to refuse). */
  async savePerson(
    actor: Actor,
    fields: PersonFields,
    check: (snapshot: RegisterSnapshot) => Promise<void>,
  ): Promise<{ person: Person; outcome: SaveOutcome }> {
    return inTransaction(this.db, async (sql) => {
      await check(snapshotOf(sql, (await lockedOrgUnits(sql)).map(toOrgUnit)));
      const [existing] = await sql<TableRow<'people'>>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = $1`, [fields.id]);
      if (existing && sameFields(toPerson(existing), fields)) return { person: toPerson(existing), outcome: 'unchanged' };
      const now = new Date().toISOString();
      const row: TableRow<'people'> = {
        id: fields.id,
        name: fields.name,
        org_unit_id: fields.orgUnitId,
        mobile: fields.mobile,
        email: fields.email,
        wecom_user_id: fields.wecomUserId,
        active: fields.active,
        created_at: existing?.created_at ?? now,
        updated_at: now,
        version: (existing?.version ?? 0) + 1,
      };
      await sql(UPSERT_PERSON, [JSON.stringify([row])]);
      await appendEvents(sql, [
        registerEvent('person', row.id, row.version, 'PERSON_SAVED', now, actor, { personId: row.id, ...fields, created: !existing }),
      ]);
      return { person: toPerson(row), outcome: existing ? 'updated' : 'created' };
    });
  }
}

/** Takes the registers' lock for the transaction, then reads the org units as they stand under it. */
async function lockedOrgUnits(sql: Sql): Promise<TableRow<'org_units'>[]> {
  await sql('SELECT pg_advisory_xact_lock($1)', [REGISTER_LOCK]);
  return sql<TableRow<'org_units'>>(`SELECT ${ORG_UNIT_COLUMNS} FROM org_units ORDER BY id`);
}

function snapshotOf(sql: Sql, orgUnits: OrgUnit[]): RegisterSnapshot {
  return {
    orgUnits,
    async openFindingsOf(unitId) {
      const [row] = await sql<{ count: string }>(`SELECT count(*) AS count FROM findings WHERE unit_id = $1 AND status <> 'CLOSED'`, [
        unitId,
      ]);
      return Number(row?.count ?? 0);
    },
    async personExists(id) {
      return (await sql('SELECT 1 FROM people WHERE id = $1', [id])).length > 0;
    },
  };
}

function registerEvent(
  entityType: RegisterEntityType,
  id: string,
  seq: number,
  type: RegisterEventRecord['type'],
  at: string,
  actor: Actor,
  data: Record<string, unknown>,
): RegisterEventRecord {
  return { entityId: registerEntityId(entityType, id), entityType, caseId: null, seq, type, at, actor: actor.id, data };
}

/** Whether the stored record already holds every field of the save (arrays compared by their items). */
function sameFields<Fields extends object>(current: Fields, fields: Fields): boolean {
  return (Object.keys(fields) as Array<keyof Fields>).every((key) => JSON.stringify(current[key]) === JSON.stringify(fields[key]));
}
