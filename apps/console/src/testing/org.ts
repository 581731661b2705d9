import { DEMO_ORG_UNITS, DEMO_PEOPLE } from '@reform/contracts/demo-organisation';
import type { OrgUnit, Person } from '../api/types';

const AT = '2026-11-01T00:00:00.000Z';

/** The demo register as GET /org-units answers it, parents before children. */
export function orgUnits(): OrgUnit[] {
  return DEMO_ORG_UNITS.map((unit) => ({
    supervises: [],
    headPersonId: null,
    liaisonPersonId: null,
    ...unit,
    active: true,
    createdAt: AT,
    updatedAt: AT,
  }));
}

/** The demo people as GET /people answers them. */
export function people(): Person[] {
  return DEMO_PEOPLE.map(({ roles: _roles, ...person }) => ({
    mobile: null,
    email: null,
    wecomUserId: null,
    ...person,
    active: true,
    createdAt: AT,
    updatedAt: AT,
  }));
}
