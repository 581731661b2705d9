import type { OrgTree } from './org-tree';

/**
 * 管辖范围 — the findings a discipline-side org unit sees and decides: those of the units in its
 * subtree or supervised by an org unit of its subtree, and those an org unit of its subtree tracks.
 * `everything` at the root (or with no org unit).
 */
export type Jurisdiction = { readonly everything: true } | { readonly everything: false; readonly unitIds: string[]; readonly trackingOfficeIds: string[] };

export const EVERYTHING: Jurisdiction = { everything: true };

/** The jurisdiction of `orgUnitId` in `tree`; an org unit the tree does not have sees nothing. */
export function jurisdictionOf(tree: OrgTree, orgUnitId: string | undefined): Jurisdiction {
  if (orgUnitId === undefined) return EVERYTHING;
  const own = tree.get(orgUnitId);
  if (own && own.parentId === null) return EVERYTHING;
  const subtree = tree.subtree(orgUnitId);
  const units = new Set<string>();
  for (const id of subtree) {
    const node = tree.get(id);
    if (!node) continue;
    if (node.kind === 'unit') units.add(id);
    for (const supervised of node.supervises) units.add(supervised);
  }
  return { everything: false, unitIds: [...units].sort(), trackingOfficeIds: subtree.sort() };
}

/** Whether a finding of `unitId`, tracked by `trackingOfficeId`, lies within `jurisdiction`. */
export function withinJurisdiction(jurisdiction: Jurisdiction, finding: { unitId: string; trackingOfficeId: string | null }): boolean {
  if (jurisdiction.everything) return true;
  return (
    jurisdiction.unitIds.includes(finding.unitId) ||
    (finding.trackingOfficeId !== null && jurisdiction.trackingOfficeIds.includes(finding.trackingOfficeId))
  );
}
