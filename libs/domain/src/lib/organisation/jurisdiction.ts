import type { OrgTree } from './org-tree';

/**
 * 管辖范围 — the findings a discipline-side org unit sees and decides: those of the units in its
 * subtree or supervised by an org unit of its subtree, and those an org unit of its subtree tracks
 * (the level above sees what the levels below it follow). `everything` at the root (or with no org unit).
 */
export type Jurisdiction =
  | { readonly everything: true }
  | { readonly everything: false; readonly unitIds: readonly string[]; readonly trackingOfficeIds: readonly string[] };

export const EVERYTHING: Jurisdiction = { everything: true };

/**
 * The jurisdiction of `orgUnitId` in `tree`; an org unit the tree does not have sees nothing.
 * `rollup: false` keeps to the org unit's own share, for a report of one level: the units below it
 * not under another discipline-side org unit, the units it supervises, the findings it tracks.
 */
export function jurisdictionOf(
  tree: OrgTree,
  orgUnitId: string | undefined,
  options: { rollup: boolean } = { rollup: true },
): Jurisdiction {
  if (orgUnitId === undefined) return EVERYTHING;
  const own = tree.get(orgUnitId);
  if (own && own.parentId === null && options.rollup) return EVERYTHING;
  const subtree = options.rollup ? tree.subtree(orgUnitId) : ownShare(tree, orgUnitId);
  const units = new Set<string>();
  const offices: string[] = [];
  for (const id of subtree) {
    const node = tree.get(id);
    if (!node) continue;
    if (node.kind === 'unit') units.add(id);
    else offices.push(id);
    for (const supervised of node.supervises) units.add(supervised);
  }
  return { everything: false, unitIds: [...units].sort(), trackingOfficeIds: offices.sort() };
}

/** Whether a finding of `unitId`, tracked by `trackingOfficeId`, lies within `jurisdiction`. */
export function withinJurisdiction(jurisdiction: Jurisdiction, finding: { unitId: string; trackingOfficeId: string | null }): boolean {
  if (jurisdiction.everything) return true;
  return (
    jurisdiction.unitIds.includes(finding.unitId) ||
    (finding.trackingOfficeId !== null && jurisdiction.trackingOfficeIds.includes(finding.trackingOfficeId))
  );
}

/** The org unit and the units below it down to (not into) the next discipline-side org unit. */
function ownShare(tree: OrgTree, orgUnitId: string): string[] {
  if (!tree.get(orgUnitId)) return [];
  const share = [orgUnitId];
  const queue = tree.children(orgUnitId);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const node = tree.get(id);
    if (!node || node.kind !== 'unit') continue;
    share.push(id);
    queue.push(...tree.children(id));
  }
  return share;
}
