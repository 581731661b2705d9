import type { Actor, OrgUnit } from '@reform/contracts';
import { InvalidInputError } from '../errors/invalid-input.error';
import { NotFoundError } from '../errors/not-found.error';
import { UnitInUseError } from '../errors/unit-in-use.error';
import { FakeRegisterStore, orgUnit, ROOT } from '../testing/fake-register';
import type { SaveOrgUnitDto } from './dto/save-org-unit.dto';
import { OrgRegister } from './org-register';
import { OrgUnitsService } from './org-units.service';

const admin: Actor = { id: 'admin-1', name: '管理员' };
/** ROOT ── OFFICE-1 (supervises U2) ── U1;  ROOT ── OFFICE-2;  ROOT ── U2 */
const TREE: OrgUnit[] = [
  ROOT,
  orgUnit('OFFICE-1', 'office', 'ROOT', { supervises: ['U2'] }),
  orgUnit('OFFICE-2', 'office', 'ROOT'),
  orgUnit('U1', 'unit', 'OFFICE-1'),
  orgUnit('U2', 'unit', 'ROOT'),
];
const csv = (text: string) => ({ originalname: '组织机构.csv', buffer: Buffer.from(text), size: Buffer.byteLength(text) });
const dto = (fields: Partial<SaveOrgUnitDto> & Pick<SaveOrgUnitDto, 'kind' | 'parentId'>): SaveOrgUnitDto => ({
  name: '新单位',
  ...fields,
});

function setUp() {
  const fake = new FakeRegisterStore(TREE);
  const register = new OrgRegister(fake.store);
  const service = new OrgUnitsService(fake.store, register);
  /** The register as stored, to see that a refused write left it as it was. */
  const stored = () =>
    [...fake.units.values()].map(({ id, parentId, kind, supervises, active }) => ({ id, parentId, kind, supervises, active }));
  return { fake, register, service, stored };
}

describe('OrgUnitsService.save', () => {
  it('creates (201) and replaces (200) an org unit, with defaults for what the body leaves out', async () => {
    const { service } = setUp();
    const created = await service.save('U3', dto({ name: ' 县审计局 ', kind: 'unit', parentId: 'OFFICE-2' }), admin);
    expect(created).toEqual({
      created: true,
      unit: expect.objectContaining({
        id: 'U3',
        name: '县审计局',
        kind: 'unit',
        parentId: 'OFFICE-2',
        supervises: [],
        active: true,
        headPersonId: null,
        liaisonPersonId: null,
      }),
    });
    const replaced = await service.save('OFFICE-2', dto({ kind: 'office', parentId: 'ROOT', supervises: ['U3', 'U1', 'U3'] }), admin);
    expect(replaced).toMatchObject({ created: false, unit: { supervises: ['U1', 'U3'] } });
  });

  it('has the access rules read the register afresh after a write', async () => {
    const { service, register } = setUp();
    expect(await register.unitProblem('U3')).toBe('unknown unit "U3"');
    await service.save('U3', dto({ kind: 'unit', parentId: 'ROOT' }), admin);
    expect(await register.unitProblem('U3')).toBeNull();
  });

  it.each([
    [
      'a second root',
      'U3',
      dto({ kind: 'unit', parentId: null }),
      'parentId',
      'parentId: the tree already has its root "ROOT"; a second root is not allowed',
    ],
    ['an unknown parent', 'U3', dto({ kind: 'unit', parentId: 'OFFICE-9' }), 'parentId', 'parentId: unknown org unit "OFFICE-9"'],
    [
      'a cycle',
      'OFFICE-1',
      dto({ kind: 'office', parentId: 'U1' }),
      'parentId',
      'parentId: "U1" lies within "OFFICE-1"; the tree would have a cycle',
    ],
    [
      'its own parent',
      'OFFICE-2',
      dto({ kind: 'office', parentId: 'OFFICE-2' }),
      'parentId',
      'parentId: "OFFICE-2" lies within "OFFICE-2"; the tree would have a cycle',
    ],
    [
      'supervising a non-unit',
      'OFFICE-2',
      dto({ kind: 'office', parentId: 'ROOT', supervises: ['U1', 'OFFICE-1'] }),
      'supervises',
      'supervises: "OFFICE-1" is an office, not a unit',
    ],
    [
      'supervising an unknown unit',
      'OFFICE-2',
      dto({ kind: 'office', parentId: 'ROOT', supervises: ['U9'] }),
      'supervises',
      'supervises: unknown org unit "U9"',
    ],
    [
      'a unit that supervises',
      'U1',
      dto({ kind: 'unit', parentId: 'OFFICE-1', supervises: ['U2'] }),
      'supervises',
      'supervises: only a discipline-side org unit supervises units',
    ],
    [
      'a supervised unit turned office',
      'U2',
      dto({ kind: 'office', parentId: 'ROOT' }),
      'kind',
      'kind: "U2" is supervised by "OFFICE-1" and must stay a unit',
    ],
    [
      'an unregistered head',
      'U1',
      dto({ kind: 'unit', parentId: 'OFFICE-1', headPersonId: 'nobody' }),
      'headPersonId',
      'headPersonId: unknown person "nobody"; register them with PUT /people/nobody first',
    ],
  ])('refuses (400, naming the field) %s, and saves nothing', async (_, id, body, field, message) => {
    const { service, stored } = setUp();
    const before = stored();
    const saving = service.save(id, body, admin);
    await expect(saving).rejects.toBeInstanceOf(InvalidInputError);
    await expect(saving).rejects.toMatchObject({ field, message });
    expect(stored()).toEqual(before);
  });

  it('refuses (409) to deactivate a unit with open findings, saying how many; without any it deactivates', async () => {
    const { service, fake } = setUp();
    fake.openFindings.set('U1', 2);
    const deactivating = service.save('U1', dto({ kind: 'unit', parentId: 'OFFICE-1', active: false }), admin);
    await expect(deactivating).rejects.toBeInstanceOf(UnitInUseError);
    await expect(deactivating).rejects.toMatchObject({
      openFindings: 2,
      message: 'unit "U1" has 2 open findings and cannot be deactivated until they are closed',
    });
    expect(fake.units.get('U1')?.active).toBe(true);
    fake.openFindings.set('U1', 0);
    await expect(service.save('U1', dto({ kind: 'unit', parentId: 'OFFICE-1', active: false }), admin)).resolves.toMatchObject({
      unit: { active: false },
    });
  });

  it('refuses (409) to turn a unit with open findings into a discipline-side org unit', async () => {
    const { service, fake } = setUp();
    fake.openFindings.set('U1', 1);
    await expect(service.save('U1', dto({ kind: 'office', parentId: 'OFFICE-1' }), admin)).rejects.toBeInstanceOf(UnitInUseError);
  });
});

describe('OrgUnitsService reads', () => {
  it('lists every org unit with parents before children, and one with its children', async () => {
    const { service } = setUp();
    expect((await service.list()).map((unit) => unit.id)).toEqual(['ROOT', 'OFFICE-1', 'U1', 'OFFICE-2', 'U2']);
    expect(await service.get('OFFICE-1')).toMatchObject({ id: 'OFFICE-1', children: ['U1'] });
    await expect(service.get('OFFICE-9')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('OrgUnitsService.import', () => {
  it('creates and updates org units from a file, parents before children whatever the order of the rows', async () => {
    const { service, fake } = setUp();
    const file = [
      '编码,名称,类型,上级编码',
      'U-HR,县人社局,责任单位,GRP-1',
      'GRP-1,派驻纪检监察组,派驻纪检监察组,ROOT',
      'U1,一号单位（新名）,责任单位,OFFICE-1',
      'OFFICE-2,名称 OFFICE-2,纪检监察室,ROOT',
    ].join('\n');
    expect(await service.import(csv(file), admin)).toEqual({ created: 2, updated: 1 });
    expect(fake.units.get('U-HR')).toMatchObject({ parentId: 'GRP-1', kind: 'unit', active: true });
    expect(fake.units.get('U1')?.name).toBe('一号单位（新名）');
    // A file without 监督单位 keeps what the register says each org unit supervises.
    await service.import(csv('编码,名称,类型,上级编码\nOFFICE-1,第一纪检监察室,纪检监察室,ROOT\n'), admin);
    expect(fake.units.get('OFFICE-1')?.supervises).toEqual(['U2']);
  });

  it('saves nothing when any row is bad, listing every bad row in row order, unreadable or against the tree', async () => {
    const { service, stored } = setUp();
    const before = stored();
    const file = [
      '编码,名称,类型,上级编码,监督单位',
      'GRP-1,派驻纪检监察组,派驻纪检监察组,ROOT,U1;OFFICE-2',
      'U-OK,好的单位,责任单位,ROOT,',
      'TOP,另一个根,纪委监委,,',
      'U-X,单位,责任单位,OFFICE-9,',
      'U 1,坏编码,责任单位,ROOT,',
      'A,甲,纪检监察室,B,',
      'B,乙,纪检监察室,A,',
    ].join('\n');
    const importing = service.import(csv(file), admin);
    await expect(importing).rejects.toBeInstanceOf(InvalidInputError);
    await expect(importing).rejects.toMatchObject({
      field: 'file',
      message:
        'file 组织机构.csv was not imported, nothing was saved (6 bad rows): ' +
        [
          'row 2 (GRP-1): 监督单位: "OFFICE-2" is an office, not a unit',
          'row 4 (TOP): 上级编码: the tree already has its root "ROOT"; a second root is not allowed',
          'row 5 (U-X): 上级编码 "OFFICE-9" is neither registered nor placed by this file',
          'row 6 (U 1): 编码 must be 1-40 letters, digits, "_" or "-", starting with a letter or digit',
          'row 7 (A): 上级编码 "B" is neither registered nor placed by this file',
          'row 8 (B): 上级编码 "A" is neither registered nor placed by this file',
        ].join('; '),
    });
    expect(stored()).toEqual(before);
  });

  it('checks a child against its parent as the file leaves it: a parent refused makes its children bad too', async () => {
    const { service } = setUp();
    const file = ['编码,名称,类型,上级编码', 'TOP,另一个根,纪委监委,', 'U-Y,单位,责任单位,TOP'].join('\n');
    await expect(service.import(csv(file), admin)).rejects.toThrow(
      /\(2 bad rows\): row 2 \(TOP\): 上级编码: the tree already has its root "ROOT".*; row 3 \(U-Y\): 上级编码: unknown org unit "TOP"$/,
    );
  });
});
