import type { OrgUnit, OrgUnitKind } from '../api/types';

/** The discipline side (纪检监察机构), in the order the tree usually nests them. */
export const DISCIPLINE_KINDS: readonly OrgUnitKind[] = ['commission', 'office', 'stationed_group', 'township_commission'];
/** Every kind; `unit` (责任单位) is the supervised side, the only kind a finding can be assigned to. */
export const ORG_KINDS: readonly OrgUnitKind[] = [...DISCIPLINE_KINDS, 'unit'];

export const isDisciplineSide = (unit: Pick<OrgUnit, 'kind'>): boolean => unit.kind !== 'unit';

export interface TreeRow {
  unit: OrgUnit;
  depth: number;
  /** The nearest discipline-side org unit above it (null for the root and for orphans). */
  office: OrgUnit | null;
}

/**
 * Every org unit in tree order — each parent, then its subtree — siblings in the order given. A
 * unit whose parent is unknown is shown as a root, and so is one caught in a cycle the API should
 * never have allowed: a directory that hides a unit would be the silent drop the product forbids.
 */
export function treeOrder(units: readonly OrgUnit[]): TreeRow[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && unit.parentId !== unit.id && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (unit: OrgUnit, depth: number, office: OrgUnit | null) => {
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    rows.push({ unit, depth, office });
    const below = isDisciplineSide(unit) ? unit : office;
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1, below);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, null);
  for (const unit of units) visit(unit, 0, null);
  return rows;
}

/** `id` and every org unit below it: none of them may become its parent. */
export function subtreeIds(units: readonly OrgUnit[], id: string): Set<string> {
  const below = new Set([id]);
  for (const { unit } of treeOrder(units)) if (unit.parentId !== null && below.has(unit.parentId)) below.add(unit.id);
  return below;
}
