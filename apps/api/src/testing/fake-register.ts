import { ROOT_ORG_UNIT_ID, type Actor, type OrgUnit, type OrgUnitKind, type Person } from '@reform/contracts';
import type { OrgUnitFields, PersonFields, RegisterSnapshot, RegisterStore, SaveOutcome } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { OrgRegister } from '../organisation/org-register';

const AT = '2026-01-01T00:00:00.000Z';

/** Test helper: an org unit as the register holds it; the rest of the fields take their defaults. */
export function orgUnit(id: string, kind: OrgUnitKind, parentId: string | null, fields: Partial<OrgUnit> = {}): OrgUnit {
  return {
    id,
    name: `名称 ${id}`,
    kind,
    parentId,
    supervises: [],
    active: true,
    headPersonId: null,
    liaisonPersonId: null,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

/** The root commission an empty database has (the migration creates it). */
export const ROOT = orgUnit(ROOT_ORG_UNIT_ID, 'commission', null, { name: '纪委监委' });

/** Responsible units (kind `unit`) directly under the root. */
export const unitsUnderRoot = (...ids: string[]): OrgUnit[] => ids.map((id) => orgUnit(id, 'unit', ROOT_ORG_UNIT_ID));

/**
 * Test helper: the org-unit and people registers in memory, for unit specs that fake the database.
 * Writes go through `plan`/`check` against the registers as they stand and land only when those
 * do not throw — all or nothing, as RegisterStore's transaction does.
 */
export class FakeRegisterStore implements Pick<RegisterStore, 'orgUnits' | 'people' | 'saveOrgUnits' | 'savePerson'> {
  readonly units = new Map<string, OrgUnit>();
  readonly persons = new Map<string, Person>();
  /** Open findings per unit id, for deactivation checks. */
  readonly openFindings = new Map<string, number>();
  /** How many times the org units were read (to see the cache at work). */
  reads = 0;

  constructor(units: OrgUnit[] = [ROOT], people: Person[] = []) {
    for (const unit of units) this.units.set(unit.id, unit);
    for (const person of people) this.persons.set(person.id, person);
  }

  /** As the interface the services take. */
  get store(): RegisterStore {
    return this as unknown as RegisterStore;
  }

  async orgUnits(): Promise<OrgUnit[]> {
    this.reads += 1;
    return [...this.units.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async people(filter: { orgUnitId?: string; ids?: string[] } = {}): Promise<Person[]> {
    return [...this.persons.values()]
      .filter((person) => filter.orgUnitId === undefined || person.orgUnitId === filter.orgUnitId)
      .filter((person) => filter.ids === undefined || filter.ids.includes(person.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async saveOrgUnits(
    _actor: Actor,
    plan: (snapshot: RegisterSnapshot) => Promise<OrgUnitFields[]>,
  ): Promise<Array<{ unit: OrgUnit; outcome: SaveOutcome }>> {
    const saves = await plan(this.snapshot());
    return saves.map((fields) => {
      const existing = this.units.get(fields.id);
      const unit: OrgUnit = { ...fields, createdAt: existing?.createdAt ?? AT, updatedAt: AT };
      this.units.set(unit.id, unit);
      const same = existing !== undefined && sameFields(existing, fields);
      return { unit, outcome: existing === undefined ? 'created' : same ? 'unchanged' : 'updated' };
    });
  }

  async savePerson(
    _actor: Actor,
    fields: PersonFields,
    check: (snapshot: RegisterSnapshot) => Promise<void>,
  ): Promise<{ person: Person; outcome: SaveOutcome }> {
    await check(this.snapshot());
    const existing = this.persons.get(fields.id);
    const person: Person = { ...fields, createdAt: existing?.createdAt ?? AT, updatedAt: AT };
    this.persons.set(person.id, person);
    return { person, outcome: existing ? 'updated' : 'created' };
  }

  private snapshot(): RegisterSnapshot {
    return {
      orgUnits: [...this.units.values()],
      openFindingsOf: async (unitId) => this.openFindings.get(unitId) ?? 0,
      personExists: async (id) => this.persons.has(id),
    };
  }
}

function sameFields(current: OrgUnit, fields: OrgUnitFields): boolean {
  return (Object.keys(fields) as Array<keyof OrgUnitFields>).every((key) => JSON.stringify(current[key]) === JSON.stringify(fields[key]));
}

/** Test helper: AccessScope and OrgRegister over an in-memory register of `units` (the root by default). */
export function registerOf(units: OrgUnit[] = [ROOT]): { fake: FakeRegisterStore; register: OrgRegister; scope: AccessScope } {
  const fake = new FakeRegisterStore(units);
  const register = new OrgRegister(fake.store);
  return { fake, register, scope: new AccessScope(register) };
}
