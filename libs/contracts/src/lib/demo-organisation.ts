import type { OrgUnitKind, Role } from './vocabulary';

/** An org unit of the demo register, as `PUT /org-units/:id` takes it. */
export interface DemoOrgUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  supervises?: string[];
  headPersonId?: string;
  liaisonPersonId?: string;
}

/** A person of the demo register; those with roles are the console's demo users (their token's claims). */
export interface DemoPerson {
  id: string;
  name: string;
  orgUnitId: string;
  mobile?: string;
  email?: string;
  wecomUserId?: string;
  roles?: Role[];
}

/**
 * 演示数据 — a county commission with two offices, a stationed group and a township commission, and
 * five responsible units. `SEED_DEMO=true` registers it (idempotently); the README's walk-through
 * and the console's demo users rely on it. Parents come before children.
 */
export const DEMO_ORG_UNITS: readonly DemoOrgUnit[] = [
  { id: 'ROOT', name: '县纪委监委', kind: 'commission', parentId: null, headPersonId: 'sup-zhao' },
  { id: 'OFF-1', name: '第一纪检监察室', kind: 'office', parentId: 'ROOT', supervises: ['U-FIN', 'U-HR'], headPersonId: 'sup-sun' },
  { id: 'OFF-2', name: '第二纪检监察室', kind: 'office', parentId: 'ROOT', supervises: ['U-EDU'] },
  {
    id: 'SG-1',
    name: '派驻第一纪检监察组',
    kind: 'stationed_group',
    parentId: 'ROOT',
    supervises: ['U-FIN', 'U-HR'],
    headPersonId: 'sup-qian',
  },
  { id: 'TC-CG', name: '城关镇纪委', kind: 'township_commission', parentId: 'ROOT', headPersonId: 'sup-wu' },
  { id: 'U-FIN', name: '县财政局', kind: 'unit', parentId: 'ROOT', headPersonId: 'head-fin', liaisonPersonId: 'unit-wang' },
  { id: 'U-HR', name: '县人力资源和社会保障局', kind: 'unit', parentId: 'ROOT', headPersonId: 'head-hr', liaisonPersonId: 'unit-zhou' },
  { id: 'U-EDU', name: '县教育局', kind: 'unit', parentId: 'ROOT', headPersonId: 'head-edu' },
  { id: 'U-CG', name: '城关镇人民政府', kind: 'unit', parentId: 'TC-CG', headPersonId: 'head-cg', liaisonPersonId: 'unit-he' },
  { id: 'U-CGXX', name: '城关镇中心小学', kind: 'unit', parentId: 'TC-CG' },
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'officer-li', name: '李明', orgUnitId: 'OFF-1', mobile: '13800000001', email: 'liming@jw.example.gov.cn', roles: ['officer'] },
  { id: 'sup-zhao', name: '赵强', orgUnitId: 'ROOT', mobile: '13800000002', email: 'zhaoqiang@jw.example.gov.cn', roles: ['supervisor'] },
  { id: 'sup-sun', name: '孙丽', orgUnitId: 'OFF-1', mobile: '13800000003', email: 'sunli@jw.example.gov.cn', roles: ['supervisor'] },
  { id: 'sup-qian', name: '钱伟', orgUnitId: 'SG-1', mobile: '13800000004', email: 'qianwei@jw.example.gov.cn', roles: ['supervisor'] },
  { id: 'sup-wu', name: '吴刚', orgUnitId: 'TC-CG', mobile: '13800000005', email: 'wugang@jw.example.gov.cn', roles: ['supervisor'] },
  { id: 'officer-zheng', name: '郑敏', orgUnitId: 'TC-CG', mobile: '13800000006', roles: ['officer'] },
  { id: 'audit-chen', name: '陈静', orgUnitId: 'ROOT', mobile: '13800000007', roles: ['auditor'] },
  { id: 'admin-liu', name: '刘洋', orgUnitId: 'ROOT', mobile: '13800000008', roles: ['admin'] },
  {
    id: 'unit-wang',
    name: '王芳',
    orgUnitId: 'U-FIN',
    mobile: '13900000001',
    email: 'wangfang@czj.example.gov.cn',
    wecomUserId: 'WangFang',
    roles: ['unit'],
  },
  {
    id: 'unit-zhou',
    name: '周杰',
    orgUnitId: 'U-HR',
    mobile: '13900000002',
    email: 'zhoujie@rsj.example.gov.cn',
    wecomUserId: 'ZhouJie',
    roles: ['unit'],
  },
  { id: 'unit-he', name: '何平', orgUnitId: 'U-CG', mobile: '13900000003', roles: ['unit'] },
  { id: 'head-fin', name: '张伟', orgUnitId: 'U-FIN', mobile: '13900000011', email: 'zhangwei@czj.example.gov.cn' },
  { id: 'head-hr', name: '刘芳', orgUnitId: 'U-HR', mobile: '13900000012' },
  { id: 'head-edu', name: '陈刚', orgUnitId: 'U-EDU', mobile: '13900000013' },
  { id: 'head-cg', name: '杨帆', orgUnitId: 'U-CG', mobile: '13900000014' },
];

/** A demo org unit as the register holds it (what `PUT /org-units/:id` saves), without its stamps. */
export function demoOrgUnitRecord(unit: DemoOrgUnit) {
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    supervises: [...(unit.supervises ?? [])].sort(),
    active: true,
    headPersonId: unit.headPersonId ?? null,
    liaisonPersonId: unit.liaisonPersonId ?? null,
  };
}

/** A demo person as the register holds them (what `PUT /people/:id` saves), without their stamps. */
export function demoPersonRecord(person: DemoPerson) {
  return {
    id: person.id,
    name: person.name,
    orgUnitId: person.orgUnitId,
    mobile: person.mobile ?? null,
    email: person.email ?? null,
    wecomUserId: person.wecomUserId ?? null,
    active: true,
  };
}
