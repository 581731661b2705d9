import { DEMO_ORG_UNITS, DEMO_PEOPLE } from '@reform/contracts/demo-organisation';
import type { OrgUnitKind, Role } from '../api/types';

/** A demo user to sign in as: the claims of the token `POST /dev/session` mints. */
export interface DemoUser {
  sub: string;
  name: string;
  roles: Role[];
  /** A unit user's unit. */
  unitId?: string;
  /** A discipline user's org unit: their jurisdiction. */
  orgUnitId?: string;
}

export interface DemoUserEntry extends DemoUser {
  /** Where they work, for the sign-in page (the API's directory needs a sign-in first). */
  place: { id: string; name: string; kind: OrgUnitKind } | undefined;
}

/** The roles whose reach an org unit sets (the `orgUnitId` claim); an admin's token carries none. */
const SCOPED_BY_ORG_UNIT: readonly Role[] = ['officer', 'supervisor', 'auditor'];

/** The token claims of someone working at `orgUnitId` with these roles. */
export function claimsAt(orgUnitId: string, roles: readonly Role[]): Pick<DemoUser, 'unitId' | 'orgUnitId'> {
  return {
    ...(roles.includes('unit') && { unitId: orgUnitId }),
    ...(roles.some((role) => SCOPED_BY_ORG_UNIT.includes(role)) && { orgUnitId }),
  };
}

/**
 * The people of the demo register who have roles (the seed `SEED_DEMO=true` registers): one for
 * every kind of discipline-side org unit, the admin, and the units' liaisons.
 */
export const DEMO_USERS: readonly DemoUserEntry[] = DEMO_PEOPLE.filter((person) => person.roles?.length).map((person) => {
  const roles = [...(person.roles ?? [])];
  const place = DEMO_ORG_UNITS.find((unit) => unit.id === person.orgUnitId);
  return {
    sub: person.id,
    name: person.name,
    roles,
    ...claimsAt(person.orgUnitId, roles),
    place: place && { id: place.id, name: place.name, kind: place.kind },
  };
});
