import { Injectable } from '@nestjs/common';
import type { Principal } from '@reform/contracts';
import { isDisciplineSide, jurisdictionOf, withinJurisdiction } from '@reform/domain';
import type { InboxAudience, Within } from '@reform/persistence';
import { ForbiddenError } from '../errors/forbidden.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { OrgRegister } from '../organisation/org-register';

/**
 * 可见范围 — the findings a caller may see and act on. Every query of findings the API runs for a
 * caller is confined to it; `{}` is everything.
 */
export interface FindingScope {
  /** Only this unit's findings: a caller whose only role is `unit`. */
  readonly unitId?: string;
  /** 管辖范围: the units and tracking offices of an officer's, supervisor's or auditor's org unit (domain.md). */
  readonly within?: Within[];
}

/** The filter a list runs with: the unit it asks for, inside the caller's scope. */
export interface UnitFilter {
  unitId?: string;
  within?: Within[];
}

/** A finding as far as scope is concerned. */
export interface Scoped {
  unitId: string;
  trackingOfficeId: string | null;
}

/**
 * The one place that decides which findings a caller sees: lists, reads, reports, the audit log and
 * steps ask it, never the principal's roles or org unit themselves. Outside the scope a finding
 * answers 404 exactly like an unknown id, and lists leave it out. Jurisdiction (domain.md): an
 * org unit sees the units of its subtree and those it (or an org unit below it) supervises, plus
 * the findings its subtree tracks; the root, or no org unit, sees everything.
 */
@Injectable()
export class AccessScope {
  constructor(private readonly register: OrgRegister) {}

  /** Refuses (403) a token whose org unit or unit the register does not know: it would see nothing, silently. */
  async admit(user: Principal): Promise<void> {
    if (user.orgUnitId === undefined && !user.roles.includes('unit')) return;
    const tree = await this.register.tree();
    if (user.orgUnitId !== undefined) {
      const org = tree.get(user.orgUnitId);
      if (!org) throw new ForbiddenError('orgUnitId: unknown org unit');
      if (!isDisciplineSide(org.kind) && user.roles.some((role) => role !== 'unit' && role !== 'admin')) {
        throw new ForbiddenError(`orgUnitId: "${user.orgUnitId}" is a unit, not a discipline-side org unit`);
      }
    }
    if (user.roles.includes('unit') && (user.unitId === undefined || !tree.isAssignable(user.unitId))) {
      throw new ForbiddenError(`unitId: "${user.unitId}" is not a registered, active unit`);
    }
  }

  async scopeFor(user: Principal): Promise<FindingScope> {
    // admin keeps the registers and widens nothing: only these roles see beyond their own unit.
    const disciplineSide = user.roles.some((role) => role === 'officer' || role === 'supervisor' || role === 'auditor');
    if (!disciplineSide) return user.unitId === undefined ? {} : { unitId: user.unitId };
    const jurisdiction = jurisdictionOf(await this.register.tree(), user.orgUnitId);
    return jurisdiction.everything ? {} : { within: [jurisdiction] };
  }

  /** The caller's scope narrowed to the unit a list asks for; null when that unit lies outside it (nothing to list). */
  async unitFilter(user: Principal, requestedUnitId: string | undefined): Promise<UnitFilter | null> {
    const scope = await this.scopeFor(user);
    if (scope.unitId === undefined) return { unitId: requestedUnitId, within: scope.within };
    if (requestedUnitId !== undefined && requestedUnitId !== scope.unitId) return null;
    return { unitId: scope.unitId };
  }

  /**
   * The scope of a report: the caller's, narrowed to an org unit's jurisdiction when one is asked
   * for — its own units, supervised units and tracked findings, or with `rollup` its whole subtree's.
   */
  async reportFilter(
    user: Principal,
    request: { unitId?: string; orgUnitId?: string; rollup?: 'true' | 'false' },
  ): Promise<UnitFilter | null> {
    const filter = await this.unitFilter(user, request.unitId);
    if (filter === null || request.orgUnitId === undefined) return filter;
    const tree = await this.register.tree();
    if (!tree.get(request.orgUnitId))
      throw InvalidInputError.of('orgUnitId', 'unknownReference', `orgUnitId: unknown org unit "${request.orgUnitId}"`);
    const asked = jurisdictionOf(tree, request.orgUnitId, { rollup: request.rollup === 'true' });
    return asked.everything ? filter : { ...filter, within: [...(filter.within ?? []), asked] };
  }

  /** Whether the finding lies in the caller's scope; outside it, it answers 404 exactly like an unknown one. */
  async sees(user: Principal, finding: Scoped): Promise<boolean> {
    const scope = await this.scopeFor(user);
    if (scope.unitId !== undefined) return scope.unitId === finding.unitId;
    return (scope.within ?? []).every((within) => withinJurisdiction({ everything: false, ...within }, finding));
  }

  /**
   * 通知 — whose notifications the caller's inbox holds: those addressed to them; a unit user's, those
   * to its unit; a supervisor's, those awaiting a decision within the jurisdiction (its findings' rule).
   */
  async inboxOf(user: Principal): Promise<InboxAudience> {
    const unitId = user.roles.includes('unit') ? user.unitId : undefined;
    if (!user.roles.includes('supervisor')) return { personId: user.id, unitId };
    const jurisdiction = jurisdictionOf(await this.register.tree(), user.orgUnitId);
    return { personId: user.id, unitId, decisionsWithin: jurisdiction.everything ? [] : [jurisdiction] };
  }

  /** The outbox an operator sees: an admin all of it (undefined), a supervisor the deliveries of notifications within the jurisdiction. */
  async deliveriesOf(user: Principal): Promise<Within[] | undefined> {
    if (user.roles.includes('admin')) return undefined;
    // The route admits supervisors beside admins: the discipline side, whose scope is a jurisdiction.
    return (await this.scopeFor(user)).within;
  }

  /** Whether the caller may take the responsible unit's steps (plan, report, extension) on the finding. */
  actsForUnit(user: Principal, finding: { unitId: string }): boolean {
    return user.roles.includes('unit') && user.unitId === finding.unitId;
  }
}
