import { Injectable } from '@nestjs/common';
import type { OrgUnit, ValidationRule } from '@reform/contracts';
import { aKind, isDisciplineSide, OrgTree } from '@reform/domain';
import { RegisterStore } from '@reform/persistence';

/** How long a replica keeps the register it read; another replica's write shows within this. */
const REGISTER_TTL_MS = 2_000;

interface Snapshot {
  units: OrgUnit[];
  tree: OrgTree;
}

/** Why a code cannot be used where it was given, in words and as a rule: nothing registered by it, or not of the kind needed. */
export interface RegisterRefusal {
  rule: Extract<ValidationRule, 'unknownReference' | 'notAssignable'>;
  message: string;
}

/**
 * The org-unit register as the API's rules read it, per request: one small query, kept for a
 * couple of seconds and dropped at once when this replica writes the register.
 */

@Injectable()
export class OrgRegister {
  private cached: { snapshot: Promise<Snapshot>; at: number } | null = null;

  constructor(private readonly store: RegisterStore) {}

  async tree(): Promise<OrgTree> {
    return (await this.snapshot()).tree;
  }

  /** After a write: the next request reads the register afresh. */
  invalidate(): void {
    this.cached = null;
  }

  /** Why a finding cannot be assigned to `unitId` (nobody would ever see it), or null when it can. */
  async unitProblem(unitId: string): Promise<string | null> {
    return (await this.unitRefusal(unitId))?.message ?? null;
  }

  /** As unitProblem, with the rule: nothing registered by that code, or not an active unit. */
  async unitRefusal(unitId: string): Promise<RegisterRefusal | null> {
    const { tree } = await this.snapshot();
    const unit = tree.get(unitId);
    if (!unit) return { rule: 'unknownReference', message: `unknown unit "${unitId}"` };
    if (unit.kind !== 'unit') return { rule: 'notAssignable', message: `"${unitId}" is ${aKind(unit.kind)}, not a unit` };
    if (!unit.active) return { rule: 'notAssignable', message: `unit "${unitId}" is not active` };
    return null;
  }

  /** The registered name of an org unit, or null for a code the register does not hold. */
  async nameOf(id: string): Promise<string | null> {
    return (await this.snapshot()).units.find((unit) => unit.id === id)?.name ?? null;
  }

  /** Why `orgUnitId` cannot track findings (跟踪单位 is discipline-side), or null when it can. */
  async trackingOfficeRefusal(orgUnitId: string): Promise<RegisterRefusal | null> {
    const unit = (await this.snapshot()).tree.get(orgUnitId);
    if (!unit) return { rule: 'unknownReference', message: `unknown org unit "${orgUnitId}"` };
    if (!isDisciplineSide(unit.kind)) return { rule: 'notAssignable', message: `"${orgUnitId}" is a unit, not a discipline-side org unit` };
    return null;
  }

  /** A unit's code for what a spreadsheet wrote: its code, or its registered name (财政局 → U-FIN) when that names one unit. */
  async unitIdFor(text: string): Promise<string> {
    const { units } = await this.snapshot();
    if (units.some((unit) => unit.id === text)) return text;
    const named = units.filter((unit) => unit.kind === 'unit' && unit.name === text);
    return named.length === 1 ? named[0].id : text;
  }

  private snapshot(): Promise<Snapshot> {
    if (this.cached && Date.now() - this.cached.at < REGISTER_TTL_MS) return this.cached.snapshot;
    const snapshot = this.store.orgUnits().then((units) => ({ units, tree: new OrgTree(units) }));
    this.cached = { snapshot, at: Date.now() };
    snapshot.catch(() => (this.cached = null));
    return snapshot;
  }
}
