import type { OrgUnitKind } from '@reform/contracts';

/** What the tree's rules need of an org unit. */
export interface OrgNode {
  id: string;
  kind: OrgUnitKind;
  parentId: string | null;
  supervises: readonly string[];
  active: boolean;
}

/** Why a save would break the tree: the field at fault and what is wrong with it. */
export interface TreeProblem {
  field: 'parentId' | 'supervises' | 'kind';
  message: string;
  /** Set when the fault is a reference: to nothing registered, or to a unit of the wrong kind. */
  rule?: 'unknownReference' | 'notAssignable';
}

/** The discipline side: the only kinds that have jurisdiction or supervise units. */
export function isDisciplineSide(kind: OrgUnitKind): boolean {
  return kind !== 'unit';
}

/**
 * 组织机构树 — the register's org units by id, with the rules a save must keep: one root, every
 * parent registered, no cycle, and `supervises` naming units only.
 */
export class OrgTree {
  private readonly byId = new Map<string, OrgNode>();
  private readonly childrenOf = new Map<string, string[]>();

  constructor(nodes: Iterable<OrgNode>) {
    for (const node of nodes) this.save(node);
  }

  get(id: string): OrgNode | undefined {
    return this.byId.get(id);
  }

  nodes(): OrgNode[] {
    return [...this.byId.values()];
  }

  children(id: string): string[] {
    return [...(this.childrenOf.get(id) ?? [])].sort();
  }

  /** `id` and everything below it (an unknown id has an empty subtree). */
  subtree(id: string): string[] {
    if (!this.byId.has(id)) return [];
    const seen = new Set<string>();
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.childrenOf.get(next) ?? []));
    }
    return [...seen];
  }

  /** Every org unit with its parent before it (depth first, siblings by id); nodes cut off from the root last. */
  parentsFirst(): OrgNode[] {
    const ordered: OrgNode[] = [];
    const placed = new Set<string>();
    const visit = (id: string) => {
      const node = this.byId.get(id);
      if (!node || placed.has(id)) return;
      placed.add(id);
      ordered.push(node);
      for (const child of this.children(id)) visit(child);
    };
    for (const root of this.nodes()
      .filter((node) => node.parentId === null)
      .sort(byId))
      visit(root.id);
    for (const node of [...this.byId.values()].sort(byId)) if (!placed.has(node.id)) ordered.push(node);
    return ordered;
  }

  /** A unit a finding can be assigned to: registered, active and of kind `unit`. */
  isAssignable(id: string): boolean {
    const node = this.byId.get(id);
    return node !== undefined && node.active && node.kind === 'unit';
  }

  /** What is wrong with saving `candidate` into the tree, or null when the tree stays sound. */
  problemWith(candidate: OrgNode): TreeProblem | null {
    const current = this.byId.get(candidate.id);
    if (candidate.parentId === null) {
      const otherRoot = this.nodes().find((node) => node.parentId === null && node.id !== candidate.id);
      if (otherRoot)
        return { field: 'parentId', message: `parentId: the tree already has its root "${otherRoot.id}"; a second root is not allowed` };
      if (candidate.kind !== 'commission') {
        return { field: 'kind', message: `kind: the root "${candidate.id}" is the commission (纪委监委) and stays one` };
      }
    } else {
      if (!this.byId.has(candidate.parentId))
        return { field: 'parentId', message: `parentId: unknown org unit "${candidate.parentId}"`, rule: 'unknownReference' };
      if (candidate.parentId === candidate.id || (current && this.subtree(candidate.id).includes(candidate.parentId))) {
        return {
          field: 'parentId',
          message: `parentId: "${candidate.parentId}" lies within "${candidate.id}"; the tree would have a cycle`,
        };
      }
      if (current?.parentId === null) return { field: 'parentId', message: `parentId: "${candidate.id}" is the root and has no parent` };
    }
    if (candidate.supervises.length > 0 && !isDisciplineSide(candidate.kind)) {
      return { field: 'supervises', message: 'supervises: only a discipline-side org unit supervises units' };
    }
    for (const id of candidate.supervises) {
      const supervised = this.byId.get(id);
      if (!supervised) return { field: 'supervises', message: `supervises: unknown org unit "${id}"`, rule: 'unknownReference' };
      if (supervised.kind !== 'unit')
        return { field: 'supervises', message: `supervises: "${id}" is ${aKind(supervised.kind)}, not a unit`, rule: 'notAssignable' };
    }
    if (current && current.kind === 'unit' && candidate.kind !== 'unit') {
      const supervisor = this.nodes().find((node) => node.supervises.includes(candidate.id));
      if (supervisor) return { field: 'kind', message: `kind: "${candidate.id}" is supervised by "${supervisor.id}" and must stay a unit` };
    }
    return null;
  }

  /** Saves `node` into this tree, in place of the node of its id (an import checks each row against the rows before it). */
  save(node: OrgNode): void {
    const previous = this.byId.get(node.id);
    if (previous?.parentId != null) {
      const siblings = this.childrenOf.get(previous.parentId) ?? [];
      siblings.splice(siblings.indexOf(node.id), 1);
    }
    this.byId.set(node.id, node);
    if (node.parentId === null) return;
    const siblings = this.childrenOf.get(node.parentId) ?? [];
    siblings.push(node.id);
    this.childrenOf.set(node.parentId, siblings);
  }
}

/** The kind with its article, for messages: "an office", "a stationed_group". */
export function aKind(kind: OrgUnitKind): string {
  return `${kind === 'office' || kind === 'unit' ? 'an' : 'a'} ${kind}`;
}

function byId(a: OrgNode, b: OrgNode): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
