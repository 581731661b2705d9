import type { Principal } from '@reform/contracts';

/**
 * The unit a caller is confined to, or undefined when some other role lets them see every unit.
 * A `unit` user reads and acts on its own unit's findings only.
 */
export function confinedUnit(user: Principal): string | undefined {
  const seesAll = user.roles.some((role) => role !== 'unit');
  return seesAll ? undefined : user.unitId;
}

/** Whether the caller may act for the finding's responsible unit (unit steps). */
export function actsForUnit(user: Principal, unitId: string): boolean {
  return user.roles.includes('unit') && user.unitId === unitId;
}
