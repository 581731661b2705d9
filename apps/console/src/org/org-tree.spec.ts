import { describe, expect, it } from 'vitest';
import { orgUnits } from '../testing/org';
import { subtreeIds, treeOrder } from './org-tree';

describe('treeOrder', () => {
  it('lists each parent before its subtree, with depth and the nearest discipline-side org unit above', () => {
    const rows = treeOrder(orgUnits().reverse());
    const at = (id: string) => rows.find((row) => row.unit.id === id);
    expect(rows[0].unit.id).toBe('ROOT');
    expect(rows.findIndex((row) => row.unit.id === 'TC-CG')).toBeLessThan(rows.findIndex((row) => row.unit.id === 'U-CG'));
    expect(at('U-CGXX')).toMatchObject({ depth: 2, office: { id: 'TC-CG' } });
    expect(at('U-FIN')).toMatchObject({ depth: 1, office: { id: 'ROOT' } });
    expect(at('ROOT')?.office).toBeNull();
  });

  it('shows a unit whose parent is unknown, or caught in a cycle, as a root rather than losing it', () => {
    const [root, a, b] = orgUnits();
    const rows = treeOrder([root, { ...a, parentId: 'NOWHERE' }, { ...b, parentId: b.id }]);
    expect(rows.map((row) => [row.unit.id, row.depth])).toEqual([
      [root.id, 0],
      [a.id, 0],
      [b.id, 0],
    ]);
  });
});

describe('subtreeIds', () => {
  it('is the org unit and everything below it', () => {
    expect([...subtreeIds(orgUnits(), 'TC-CG')].sort()).toEqual(['TC-CG', 'U-CG', 'U-CGXX']);
  });
});
