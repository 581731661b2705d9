import type { AddressingPerson, AddressingRegister, NotifiedAs, NotifiedPerson, Recipient } from '@reform/contracts';
import { isDisciplineSide } from '../organisation/org-tree';

/** What the notification concerns: the unit and the office tracking it. */
export interface Concerned {
  unitId: string | null;
  trackingOfficeId: string | null;
}

export const ROOT_ORG_UNIT = 'ROOT';

/**
 * Whom a notification reaches, from the registers (domain.md, "Notifications, extended"):
 * - what a unit must do: the unit's head and liaison;
 * - what awaits a decision: the tracking office's head and liaison — or, where it names neither,
 *   the people registered in it — and, where it has nobody, the office above it, up to the root;
 * - an overdue receipt or reply for a tracking office: that office, the same way;
 * - a person: that person.
 * Inactive people are never reached; nobody is reached twice.
 */
export function notificationRecipients(recipient: Recipient, concerned: Concerned, register: AddressingRegister): NotifiedPerson[] {
  switch (recipient.kind) {
    case 'unit':
      return namedBy(register, recipient.unitId);
    case 'person': {
      const person = register.people.get(recipient.personId);
      return person?.active ? [notified(person, person.orgUnitId, 'staff')] : [];
    }
    case 'office':
      return decidersFrom(register, recipient.orgUnitId);
    case 'supervisors':
      return decidersFrom(register, concerned.trackingOfficeId ?? disciplineAbove(register, concerned.unitId) ?? ROOT_ORG_UNIT);
  }
}

/** The head and liaison an org unit names, when registered and active. */
function namedBy(register: AddressingRegister, orgUnitId: string): NotifiedPerson[] {
  const unit = register.orgUnits.get(orgUnitId);
  if (!unit) return [];
  const named: [string | null, NotifiedAs][] = [
    [unit.headPersonId, 'head'],
    [unit.liaisonPersonId, 'liaison'],
  ];
  return distinct(
    named.flatMap(([personId, as]) => {
      const person = personId === null ? undefined : register.people.get(personId);
      return person?.active ? [notified(person, orgUnitId, as)] : [];
    }),
  );
}

/** From a discipline-side office up to the root: the first that has someone to decide. */
function decidersFrom(register: AddressingRegister, orgUnitId: string): NotifiedPerson[] {
  const seen = new Set<string>();
  for (let id: string | null = orgUnitId; id !== null && !seen.has(id); id = register.orgUnits.get(id)?.parentId ?? null) {
    seen.add(id);
    const named = namedBy(register, id);
    if (named.length > 0) return named;
    const staff = [...register.people.values()].filter((person) => person.active && person.orgUnitId === id);
    if (staff.length > 0) return staff.sort(byId).map((person) => notified(person, id as string, 'staff'));
  }
  return [];
}

/** The nearest discipline-side org unit above a unit (its township commission, or the root). */
function disciplineAbove(register: AddressingRegister, unitId: string | null): string | null {
  const seen = new Set<string>();
  for (let id = unitId === null ? null : (register.orgUnits.get(unitId)?.parentId ?? null); id !== null && !seen.has(id); ) {
    seen.add(id);
    const unit = register.orgUnits.get(id);
    if (unit && isDisciplineSide(unit.kind)) return id;
    id = unit?.parentId ?? null;
  }
  return null;
}

function notified(person: AddressingPerson, viaOrgUnitId: string, as: NotifiedAs): NotifiedPerson {
  return { personId: person.id, name: person.name, viaOrgUnitId, as, email: person.email, wecomUserId: person.wecomUserId };
}

function distinct(people: NotifiedPerson[]): NotifiedPerson[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.personId) && seen.add(person.personId) !== undefined);
}

const byId = (a: AddressingPerson, b: AddressingPerson) => a.id.localeCompare(b.id);
