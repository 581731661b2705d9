import type { Role } from './vocabulary';

/** Who did a step: the authenticated user, or `system` for timers. */
export interface Actor {
  id: string;
  name: string;
}

/** An authenticated caller of the API. */
export interface Principal extends Actor {
  roles: Role[];
  unitId?: string;
  /** The discipline-side org unit of an officer, supervisor or auditor: it sets their jurisdiction. */
  orgUnitId?: string;
}
