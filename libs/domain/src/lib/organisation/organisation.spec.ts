import { jurisdictionOf, withinJurisdiction } from './jurisdiction';
import { OrgTree, type OrgNode } from './org-tree';

const node = (id: string, kind: OrgNode['kind'], parentId: string | null, supervises: string[] = [], active = true): OrgNode => ({
  id,
  kind,
  parentId,
  supervises,
  active,
});

// 县纪委监委 → 第一室 (supervises 财政局), 派驻组 (supervises 财政局, 人社局), 城关镇纪委 → 城关镇政府 → 镇小学
const county = new OrgTree([
  node('ROOT', 'commission', null),
  node('OFF-1', 'office', 'ROOT', ['U-FIN']),
  node('SG-1', 'stationed_group', 'ROOT', ['U-FIN', 'U-HR']),
  node('TC-CG', 'township_commission', 'ROOT'),
  node('TC-CG-A', 'office', 'TC-CG', ['U-EDU']),
  node('U-CG', 'unit', 'TC-CG'),
  node('U-CGXX', 'unit', 'U-CG'),
  node('U-FIN', 'unit', 'ROOT'),
  node('U-HR', 'unit', 'ROOT'),
  node('U-EDU', 'unit', 'ROOT'),
  node('U-OLD', 'unit', 'ROOT', [], false),
]);

describe('jurisdiction (管辖范围)', () => {
  it('is everything at the root and with no org unit', () => {
    expect(jurisdictionOf(county, 'ROOT')).toEqual({ everything: true });
    expect(jurisdictionOf(county, undefined)).toEqual({ everything: true });
  });

  it('covers the units of the subtree, at any depth', () => {
    const township = jurisdictionOf(county, 'TC-CG');
    expect(township).toMatchObject({ everything: false });
    expect(withinJurisdiction(township, { unitId: 'U-CG', trackingOfficeId: null })).toBe(true);
    expect(withinJurisdiction(township, { unitId: 'U-CGXX', trackingOfficeId: null })).toBe(true);
    expect(withinJurisdiction(township, { unitId: 'U-FIN', trackingOfficeId: null })).toBe(false);
  });

  it('covers the supervised units of the org unit and of the org units below it', () => {
    expect(jurisdictionOf(county, 'SG-1')).toEqual({ everything: false, unitIds: ['U-FIN', 'U-HR'], trackingOfficeIds: ['SG-1'] });
    expect(withinJurisdiction(jurisdictionOf(county, 'TC-CG'), { unitId: 'U-EDU', trackingOfficeId: null })).toBe(true);
    expect(withinJurisdiction(jurisdictionOf(county, 'OFF-1'), { unitId: 'U-HR', trackingOfficeId: null })).toBe(false);
  });

  it('covers the findings the org unit, or one below it, tracks — whatever their unit', () => {
    expect(withinJurisdiction(jurisdictionOf(county, 'OFF-1'), { unitId: 'U-CG', trackingOfficeId: 'OFF-1' })).toBe(true);
    expect(withinJurisdiction(jurisdictionOf(county, 'TC-CG'), { unitId: 'U-HR', trackingOfficeId: 'TC-CG-A' })).toBe(true);
    expect(withinJurisdiction(jurisdictionOf(county, 'SG-1'), { unitId: 'U-CG', trackingOfficeId: 'OFF-1' })).toBe(false);
  });

  it("keeps to the org unit's own share without rollup: not the levels below it", () => {
    const own = jurisdictionOf(county, 'TC-CG', { rollup: false });
    expect(own).toEqual({ everything: false, unitIds: ['U-CG', 'U-CGXX'], trackingOfficeIds: ['TC-CG'] });
    expect(withinJurisdiction(own, { unitId: 'U-EDU', trackingOfficeId: null })).toBe(false);
    expect(withinJurisdiction(own, { unitId: 'U-HR', trackingOfficeId: 'TC-CG-A' })).toBe(false);
    expect(jurisdictionOf(county, 'ROOT', { rollup: false })).toMatchObject({ everything: false, trackingOfficeIds: ['ROOT'] });
  });

  it('is nothing for an org unit the register does not have', () => {
    expect(jurisdictionOf(county, 'NOWHERE')).toEqual({ everything: false, unitIds: [], trackingOfficeIds: [] });
  });
});

describe('the org tree (组织机构树)', () => {
  it('lists parents before children', () => {
    const order = county.parentsFirst().map((org) => org.id);
    for (const org of county.nodes()) {
      if (org.parentId !== null) expect(order.indexOf(org.parentId)).toBeLessThan(order.indexOf(org.id));
    }
    expect(order[0]).toBe('ROOT');
  });

  it('refuses a second root, an unknown parent and a cycle, naming the field', () => {
    expect(county.problemWith(node('ROOT2', 'commission', null))).toEqual({
      field: 'parentId',
      message: expect.stringMatching(/second root/),
    });
    expect(county.problemWith(node('X', 'office', 'NOPE'))).toEqual({
      field: 'parentId',
      message: 'parentId: unknown org unit "NOPE"',
      rule: 'unknownReference',
    });
    expect(county.problemWith(node('TC-CG', 'township_commission', 'U-CGXX'))).toMatchObject({
      field: 'parentId',
      message: expect.stringMatching(/cycle/),
    });
    expect(county.problemWith(node('X', 'office', 'X'))).toMatchObject({ field: 'parentId' });
    expect(county.problemWith(node('ROOT', 'commission', 'OFF-1'))).toMatchObject({ field: 'parentId' });
  });

  it('lets supervises name units only, and only on the discipline side', () => {
    expect(county.problemWith(node('OFF-2', 'office', 'ROOT', ['OFF-1']))).toEqual({
      field: 'supervises',
      message: 'supervises: "OFF-1" is an office, not a unit',
      rule: 'notAssignable',
    });
    expect(county.problemWith(node('OFF-2', 'office', 'ROOT', ['U-NOPE']))).toMatchObject({ field: 'supervises' });
    expect(county.problemWith(node('U-X', 'unit', 'ROOT', ['U-FIN']))).toMatchObject({ field: 'supervises' });
    expect(county.problemWith(node('OFF-2', 'office', 'ROOT', ['U-FIN', 'U-CG']))).toBeNull();
  });

  it('keeps the root a commission', () => {
    expect(county.problemWith(node('ROOT', 'unit', null))).toMatchObject({ field: 'kind' });
    expect(county.problemWith(node('ROOT', 'commission', null))).toBeNull();
  });

  it('keeps a supervised unit a unit', () => {
    expect(county.problemWith(node('U-FIN', 'office', 'ROOT'))).toMatchObject({ field: 'kind' });
    expect(county.problemWith(node('U-EDU', 'unit', 'TC-CG'))).toBeNull();
  });

  it("saves a node in place: a move changes both parents' children and the subtrees", () => {
    const tree = new OrgTree(county.nodes());
    tree.save(node('U-CGXX', 'unit', 'OFF-1'));
    expect(tree.children('U-CG')).toEqual([]);
    expect(tree.children('OFF-1')).toEqual(['U-CGXX']);
    expect(tree.subtree('TC-CG').sort()).toEqual(['TC-CG', 'TC-CG-A', 'U-CG']);
    expect(county.children('U-CG')).toEqual(['U-CGXX']);
  });

  it('assigns findings only to active units', () => {
    expect(county.isAssignable('U-FIN')).toBe(true);
    expect(county.isAssignable('U-OLD')).toBe(false);
    expect(county.isAssignable('OFF-1')).toBe(false);
    expect(county.isAssignable('U-NOPE')).toBe(false);
  });
});
