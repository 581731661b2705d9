import { Injectable } from '@nestjs/common';
import type { Principal } from '@reform/contracts';

/**
 * 可见范围 — the findings a caller may see and act on. Every query of findings the API runs for a
 * caller is confined to it; `{}` is every unit.
 */
export interface FindingScope {
  /** Only this unit's findings: a caller whose only role is `unit`. */
  readonly unitId?: string;
  // Jurisdiction (domain.md) goes here: the units within an orgUnitId's subtree and supervised
  // list, and the findings that org unit tracks — decided in scopeFor, nowhere else.
}

/** The unit filter a list runs with, inside the caller's scope. */
export interface UnitFilter {
  unitId?: string;
}

/**
 * The one place that decides which findings a caller sees (routes whose @Access() scope is
 * `own-unit`): lists, reads and steps ask it, never the principal's roles themselves. Another
 * unit's finding is answered like an unknown id; a list filtered to it is empty.
 */
@Injectable()
export class AccessScope {
  /** Asynchronous because jurisdiction will read the org-unit tree. */
  async scopeFor(user: Principal): Promise<FindingScope> {
    const seesAll = user.roles.some((role) => role !== 'unit');
    return seesAll || user.unitId === undefined ? {} : { unitId: user.unitId };
  }

  /** The caller's scope narrowed to the unit a list asks for; null when that unit lies outside it (nothing to list). */
  async unitFilter(user: Principal, requestedUnitId: string | undefined): Promise<UnitFilter | null> {
    const scope = await this.scopeFor(user);
    if (scope.unitId === undefined) return { unitId: requestedUnitId };
    if (requestedUnitId !== undefined && requestedUnitId !== scope.unitId) return null;
    return { unitId: scope.unitId };
  }

  /** Whether the finding lies in the caller's scope; outside it, it answers 404 exactly like an unknown one. */
  async sees(user: Principal, finding: { unitId: string }): Promise<boolean> {
    const scope = await this.scopeFor(user);
    return scope.unitId === undefined || scope.unitId === finding.unitId;
  }

  /** Whether the caller may take the responsible unit's steps (plan, report, extension) on the finding. */
  actsForUnit(user: Principal, finding: { unitId: string }): boolean {
    return user.roles.includes('unit') && user.unitId === finding.unitId;
  }
}
