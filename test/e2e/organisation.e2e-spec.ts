import {
  DEMO_ORG_UNITS,
  demoOrgUnitRecord,
  demoPersonRecord,
  DEMO_PEOPLE,
  type AuditEntry,
  type CaseWithFindings,
  type FindingsSummary,
  type OrgUnit,
  type OrgUnitImportResult,
  type OrgUnitWithChildren,
  type Person,
} from '@reform/contracts';
import { Workbook } from 'exceljs';
import {
  admin,
  Api,
  as,
  auditor,
  expectErrorBody,
  expectNoServerErrorsInEachTest,
  officer,
  Steps,
  supervisor,
  uniqueText,
  uniqueUnit,
  unitUser,
  type AuthHeaders,
  type Finding,
  type FindingWithEvents,
  type Page,
} from '../support/contract';
import { SECONDS_POLICIES, Stack } from '../support/stack';

const V1 = '/api/v1';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ORG_UNIT_FIELDS = [
  'active',
  'createdAt',
  'headPersonId',
  'id',
  'kind',
  'liaisonPersonId',
  'name',
  'parentId',
  'supervises',
  'updatedAt',
];
const PERSON_FIELDS = ['active', 'createdAt', 'email', 'id', 'mobile', 'name', 'orgUnitId', 'updatedAt', 'wecomUserId'];

/** A message matched whole, not as a pattern. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const IN_A_MONTH = () => new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
const finding = (unitId: string, extra: Record<string, unknown> = {}) => ({
  title: uniqueText('问题'),
  description: '制度执行不到位',
  unitId,
  dueAt: IN_A_MONTH(),
  ...extra,
});
const caseOf = (findings: Array<Record<string, unknown>>) => ({
  title: uniqueText('案件'),
  summary: '案情摘要',
  source: 'inspection',
  findings,
});

describe('organisation: org units, people, jurisdiction and the tracking office (embedded PostgreSQL)', () => {
  let stack: Stack;
  let api: Api;
  let steps: Steps;

  beforeAll(async () => {
    // The demo register stays out until the last describe restarts the stack with it: first, an empty database.
    stack = await Stack.start({ env: { ...SECONDS_POLICIES, SEED_DEMO: 'false' } });
    api = new Api(stack.url(''));
    steps = new Steps(api);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  expectNoServerErrorsInEachTest(() => api);

  const saveUnit = (id: string, body: Record<string, unknown>, by: AuthHeaders = admin) =>
    api.put<OrgUnit>(`${V1}/org-units/${id}`, body, by);
  const register = async (id: string, body: Record<string, unknown>) => {
    const saved = await saveUnit(id, body);
    expect([saved.status, saved.body]).toEqual([201, expect.objectContaining({ id })]);
    return saved.body;
  };
  const registerUnit = (id: string, name = `单位 ${id}`, parentId = 'ROOT') => register(id, { name, kind: 'unit', parentId });
  const orgUnits = async () => (await api.get<{ items: OrgUnit[] }>(`${V1}/org-units`, officer)).body.items;
  const openCase = async (findings: Array<Record<string, unknown>>, by: AuthHeaders = officer) => {
    const opened = await api.post<CaseWithFindings>(`${V1}/cases`, caseOf(findings), by);
    expect(opened.status).toBe(201);
    return opened.body;
  };
  /** The audit entries of `type` since `from`, as an auditor with no org unit (who sees the registers' events) reads them. */
  const auditSince = async (type: string, from: string) => {
    const page = await api.get<Page<AuditEntry>>(`${V1}/audit?type=${type}&from=${from}&pageSize=200`, auditor);
    expect(page.status).toBe(200);
    return page.body.items;
  };

  describe('the org-unit register', () => {
    it('has, on an empty database, the root commission ROOT (纪委监委) only; PUT /org-units/ROOT renames it', async () => {
      const listed = await api.get<{ items: OrgUnit[] }>(`${V1}/org-units`, officer);
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([
        {
          id: 'ROOT',
          name: '纪委监委',
          kind: 'commission',
          parentId: null,
          supervises: [],
          active: true,
          headPersonId: null,
          liaisonPersonId: null,
          createdAt: expect.stringMatching(ISO),
          updatedAt: expect.stringMatching(ISO),
        },
      ]);

      const renamed = await saveUnit('ROOT', { name: '某县纪委监委', kind: 'commission', parentId: null });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: 'ROOT', name: '某县纪委监委', kind: 'commission', parentId: null });
      expect(renamed.body.createdAt).toBe(listed.body.items[0].createdAt);
      const read = await api.get<OrgUnitWithChildren>(`${V1}/org-units/ROOT`, supervisor);
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ ...renamed.body, children: [] });
    });

    it('registers a small tree (201, then 200), lists parents before children and answers an org unit with its children', async () => {
      // Children whose codes sort before their parents', so that a list in code order would not pass.
      const office = uniqueUnit('OFF');
      const group = uniqueUnit('SG');
      const township = uniqueUnit('TC');
      const [first, second, third] = [uniqueUnit('A'), uniqueUnit('B'), uniqueUnit('A')];
      const supervised = uniqueUnit('U');

      await register(office, { name: '第一纪检监察室', kind: 'office', parentId: 'ROOT' });
      await registerUnit(supervised, '县财政局');
      const created = await register(group, {
        name: '派驻纪检监察组',
        kind: 'stationed_group',
        parentId: 'ROOT',
        supervises: [supervised],
      });
      expect(Object.keys(created).sort()).toEqual(ORG_UNIT_FIELDS);
      expect(created).toMatchObject({ kind: 'stationed_group', parentId: 'ROOT', supervises: [supervised], active: true });
      await register(township, { name: '城关镇纪委', kind: 'township_commission', parentId: 'ROOT' });
      await registerUnit(first, '城关镇人民政府', township);
      await registerUnit(second, '城关镇中心小学', township);
      await registerUnit(third, '城关镇卫生院', first);

      const again = await saveUnit(group, { name: '派驻纪检监察组', kind: 'stationed_group', parentId: 'ROOT', supervises: [supervised] });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(created);
      const changed = await saveUnit(group, {
        name: '派驻第一纪检监察组',
        kind: 'stationed_group',
        parentId: 'ROOT',
        supervises: [supervised],
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ name: '派驻第一纪检监察组', createdAt: created.createdAt });

      const listed = await orgUnits();
      const at = (id: string) => listed.findIndex((unit) => unit.id === id);
      for (const unit of listed) if (unit.parentId !== null) expect([unit.id, at(unit.parentId) < at(unit.id)]).toEqual([unit.id, true]);
      expect(listed[0].id).toBe('ROOT');
      for (const id of [office, group, township, first, second, third, supervised]) expect(at(id)).toBeGreaterThan(0);

      const withChildren = await api.get<OrgUnitWithChildren>(`${V1}/org-units/${township}`, unitUser(first));
      expect(withChildren.status).toBe(200);
      expect(withChildren.body).toMatchObject({ id: township, kind: 'township_commission', children: [first, second].sort() });
      expect((await api.get<OrgUnitWithChildren>(`${V1}/org-units/${first}`, auditor)).body.children).toEqual([third]);
    });

    it('refuses (400, naming the field) an unknown parent, a cycle, a second root, supervises naming a non-unit, a bad code; 404 for an unknown one', async () => {
      const group = uniqueUnit('SG');
      const unit = uniqueUnit('U');
      const below = uniqueUnit('U');
      await register(group, { name: '派驻组', kind: 'stationed_group', parentId: 'ROOT' });
      await registerUnit(unit);
      await registerUnit(below, '下属单位', unit);
      const missing = uniqueUnit('NO');

      const refusals: Array<[string, Record<string, unknown>, string, RegExp]> = [
        [uniqueUnit('U'), { name: 'x', kind: 'unit', parentId: missing }, 'parentId', exactly(`parentId: unknown org unit "${missing}"`)],
        [
          unit,
          { name: 'x', kind: 'unit', parentId: below },
          'parentId',
          exactly(`parentId: "${below}" lies within "${unit}"; the tree would have a cycle`),
        ],
        [unit, { name: 'x', kind: 'unit', parentId: unit }, 'parentId', /cycle/],
        [
          uniqueUnit('R'),
          { name: '第二个', kind: 'commission', parentId: null },
          'parentId',
          exactly('parentId: the tree already has its root "ROOT"; a second root is not allowed'),
        ],
        [
          uniqueUnit('SG'),
          { name: 'x', kind: 'stationed_group', parentId: 'ROOT', supervises: [group] },
          'supervises',
          exactly(`supervises: "${group}" is a stationed_group, not a unit`),
        ],
        [
          uniqueUnit('SG'),
          { name: 'x', kind: 'stationed_group', parentId: 'ROOT', supervises: [missing] },
          'supervises',
          exactly(`supervises: unknown org unit "${missing}"`),
        ],
        [
          uniqueUnit('U'),
          { name: 'x', kind: 'unit', parentId: 'ROOT', supervises: [unit] },
          'supervises',
          /only a discipline-side org unit supervises units/,
        ],
        [
          uniqueUnit('U'),
          { name: 'x', kind: 'unit', parentId: 'ROOT', headPersonId: 'nobody-here' },
          'headPersonId',
          /headPersonId: unknown person "nobody-here"/,
        ],
        [uniqueUnit('U'), { name: 'x', kind: 'bureau', parentId: 'ROOT' }, 'kind', /kind must be one of/],
      ];
      for (const [id, body, field, message] of refusals) {
        const refused = await saveUnit(id, body);
        expect([id, refused.status]).toEqual([id, 400]);
        expectErrorBody(refused.body, 400, message, { code: 'VALIDATION_FAILED', field });
      }
      expect((await api.get<OrgUnit>(`${V1}/org-units/${unit}`, officer)).body).toMatchObject({ parentId: 'ROOT', name: `单位 ${unit}` });
      expect((await orgUnits()).filter((each) => each.parentId === null).map((each) => each.id)).toEqual(['ROOT']);

      for (const bad of ['-starts-with-dash', 'has.dot', 'x'.repeat(41), '%E8%B4%A2%E6%94%BF']) {
        const refused = await saveUnit(bad, { name: 'x', kind: 'unit', parentId: 'ROOT' });
        expect([bad, refused.status]).toEqual([bad, 400]);
        expectErrorBody(refused.body, 400, /^id must be 1-40 letters/, { code: 'VALIDATION_FAILED', field: 'id' });
        expectErrorBody((await api.get(`${V1}/org-units/${bad}`, officer)).body, 400, /^id must be/, { field: 'id' });
      }

      const unknown = await api.get(`${V1}/org-units/${missing}`, officer);
      expect(unknown.status).toBe(404);
      expectErrorBody(unknown.body, 404, new RegExp(missing), { code: 'NOT_FOUND' });
      expect((await saveUnit(uniqueUnit('U'), { name: 'x', kind: 'unit', parentId: 'ROOT' }, officer)).status).toBe(403);
    });

    it('records each save that changes something as an ORG_UNIT_SAVED entry in GET /audit, with data.orgUnitId', async () => {
      const from = new Date().toISOString();
      const unit = uniqueUnit('U');
      await registerUnit(unit, '审计单位');
      expect((await saveUnit(unit, { name: '审计单位', kind: 'unit', parentId: 'ROOT' })).status).toBe(200);
      expect((await saveUnit(unit, { name: '审计单位（改名）', kind: 'unit', parentId: 'ROOT' })).status).toBe(200);
      expect((await saveUnit(unit, { name: 'x', kind: 'unit', parentId: unit })).status).toBe(400);

      const entries = (await auditSince('ORG_UNIT_SAVED', from)).filter((entry) => entry.data['orgUnitId'] === unit);
      expect(entries.map((entry) => [entry.type, entry.actor, entry.data['name'], entry.data['created']])).toEqual([
        ['ORG_UNIT_SAVED', 'admin-1', '审计单位', true],
        ['ORG_UNIT_SAVED', 'admin-1', '审计单位（改名）', false],
      ]);
      expect(new Set(entries.map((entry) => entry.entityId)).size).toBe(1);
      const chain = await api.get(`${V1}/audit/verify?entityId=${entries[0].entityId}`, auditor);
      expect([chain.status, chain.body]).toEqual([200, { ok: true, entries: 2 }]);
    });
  });

  describe('the people register', () => {
    let unit: string;
    beforeAll(async () => {
      unit = uniqueUnit('U');
      await registerUnit(unit, '县教育局');
    });
    const savePerson = (id: string, body: Record<string, unknown>, by: AuthHeaders = admin) =>
      api.put<Person>(`${V1}/people/${id}`, body, by);

    it('PUT /people/:id answers 201 for a new person, 200 after; GET /people?orgUnitId= lists one org unit’s people', async () => {
      const id = uniqueUnit('person');
      const body = { name: '王芳', orgUnitId: unit, mobile: '13900000001', email: 'wangfang@jyj.example.gov.cn', wecomUserId: 'WangFang' };
      const created = await savePerson(id, body);
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(PERSON_FIELDS);
      expect(created.body).toEqual({
        id,
        ...body,
        active: true,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      const again = await savePerson(id, body);
      expect([again.status, again.body]).toEqual([200, created.body]);
      const moved = await savePerson(id, { ...body, mobile: null, active: false });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ mobile: null, active: false, createdAt: created.body.createdAt });

      const other = uniqueUnit('person');
      expect((await savePerson(other, { name: '李四', orgUnitId: 'ROOT' })).status).toBe(201);
      for (const by of [admin, officer, supervisor]) {
        const listed = await api.get<{ items: Person[] }>(`${V1}/people?orgUnitId=${unit}`, by);
        expect(listed.status).toBe(200);
        expect(listed.body.items).toEqual([moved.body]);
      }
      const everyone = await api.get<{ items: Person[] }>(`${V1}/people`, officer);
      expect(everyone.body.items.map((person) => person.id)).toEqual(expect.arrayContaining([id, other]));
    });

    it('refuses a bad mobile or e-mail and an unknown org unit (400 naming the field); unit users and auditors get 403 on GET /people', async () => {
      const id = uniqueUnit('person');
      const refusals: Array<[Record<string, unknown>, string, RegExp]> = [
        [{ mobile: '1390000000' }, 'mobile', /^mobile must be a mainland mobile number/],
        [{ mobile: '23900000001' }, 'mobile', /^mobile/],
        [{ mobile: '139-0000-0001' }, 'mobile', /^mobile/],
        [{ email: 'wangfang@' }, 'email', /^email must be an e-mail address/],
        [{ email: 'Wang Fang <wf@example.gov.cn>' }, 'email', /^email/],
        [{ orgUnitId: 'NO-SUCH-UNIT' }, 'orgUnitId', exactly('orgUnitId: unknown org unit "NO-SUCH-UNIT"')],
      ];
      for (const [change, field, message] of refusals) {
        const refused = await savePerson(id, { name: '王芳', orgUnitId: unit, ...change });
        expect([change, refused.status]).toEqual([change, 400]);
        expectErrorBody(refused.body, 400, message, { code: 'VALIDATION_FAILED', field });
      }
      expect((await api.get<{ items: Person[] }>(`${V1}/people`, admin)).body.items.map((person) => person.id)).not.toContain(id);

      for (const by of [unitUser(unit), auditor]) {
        const refused = await api.get(`${V1}/people`, by);
        expect(refused.status).toBe(403);
        expectErrorBody(refused.body, 403, undefined, { code: 'FORBIDDEN' });
      }
      expect((await savePerson(id, { name: '王芳', orgUnitId: unit }, officer)).status).toBe(403);
    });

    it('audits each save as PERSON_SAVED', async () => {
      const from = new Date().toISOString();
      const id = uniqueUnit('person');
      await savePerson(id, { name: '周杰', orgUnitId: unit });
      await savePerson(id, { name: '周杰', orgUnitId: unit, mobile: '13900000002' });
      const entries = (await auditSince('PERSON_SAVED', from)).filter((entry) => entry.data['personId'] === id);
      expect(entries.map((entry) => [entry.actor, entry.data['orgUnitId'], entry.data['mobile'] ?? null])).toEqual([
        ['admin-1', unit, null],
        ['admin-1', unit, '13900000002'],
      ]);
    });

    it('shows the registered name as a timeline event’s actorName and a case’s openedByName', async () => {
      const sub = uniqueUnit('officer');
      expect((await savePerson(sub, { name: '李明', orgUnitId: 'ROOT' })).status).toBe(201);
      const named = as({ sub, roles: ['officer'] });
      const opened = await openCase([finding(unit)], named);
      expect(opened).toMatchObject({ openedBy: sub, openedByName: '李明' });
      expect((await api.get<CaseWithFindings>(`${V1}/cases/${opened.id}`, auditor)).body).toMatchObject({ openedByName: '李明' });
      const read = await steps.finding(opened.findings[0].id);
      expect(read.body.events[0]).toMatchObject({ type: 'ASSIGNED', actor: sub, actorName: '李明' });

      const anonymous = await openCase([finding(unit)]);
      expect(anonymous.openedByName).toBeNull();
      expect((await steps.finding(anonymous.findings[0].id)).body.events[0]).toMatchObject({ actor: 'officer-1', actorName: null });
    });
  });

  describe('a finding’s unit must be a registered, active unit', () => {
    let active: string;
    let inactive: string;
    let group: string;
    beforeAll(async () => {
      active = uniqueUnit('U');
      inactive = uniqueUnit('U');
      group = uniqueUnit('SG');
      await registerUnit(active);
      await register(inactive, { name: '已撤销单位', kind: 'unit', parentId: 'ROOT', active: false });
      await register(group, { name: '派驻组', kind: 'stationed_group', parentId: 'ROOT' });
    });

    it('POST /cases names each unregistered, inactive or non-unit unitId (field of the first)', async () => {
      const unknown = uniqueUnit('U9');
      const refused = await api.post(`${V1}/cases`, caseOf([finding(active), finding(unknown), finding(group)]), officer);
      expect(refused.status).toBe(400);
      expectErrorBody(
        refused.body,
        400,
        exactly(`findings[1].unitId: unknown unit "${unknown}"; findings[2].unitId: "${group}" is a stationed_group, not a unit`),
        { code: 'VALIDATION_FAILED', field: 'findings[1].unitId' },
      );
      const stopped = await api.post(`${V1}/cases`, caseOf([finding(inactive)]), officer);
      expect(stopped.status).toBe(400);
      expectErrorBody(stopped.body, 400, exactly(`findings[0].unitId: unit "${inactive}" is not active`), { field: 'findings[0].unitId' });
    });

    it('POST /cases/:id/findings likewise (field unitId)', async () => {
      const opened = await openCase([finding(active)]);
      const unknown = uniqueUnit('U9');
      const refused = await api.post(`${V1}/cases/${opened.id}/findings`, finding(unknown), officer);
      expect(refused.status).toBe(400);
      expectErrorBody(refused.body, 400, exactly(`unitId: unknown unit "${unknown}"`), { code: 'VALIDATION_FAILED', field: 'unitId' });
      const stopped = await api.post(`${V1}/cases/${opened.id}/findings`, finding(inactive), officer);
      expectErrorBody(stopped.body, 400, exactly(`unitId: unit "${inactive}" is not active`), { field: 'unitId' });
      expect((await api.post(`${V1}/cases/${opened.id}/findings`, finding(active), officer)).status).toBe(201);
      expect((await api.get<CaseWithFindings>(`${V1}/cases/${opened.id}`, auditor)).body.findings).toHaveLength(2);
    });

    it('POST /cases/import lists every row with a bad 责任单位 and creates nothing; it takes a unit’s registered name', async () => {
      const unknown = uniqueUnit('U9');
      const total = async () => (await api.get<{ total: number }>(`${V1}/cases`, supervisor)).body.total;
      const before = await total();
      const bad =
        '问题,问题描述,责任单位,责任人,整改时限\n' +
        `津补贴审批把关不严,财务审批流于形式,${active},王芳,2099-03-31\n` +
        `公务接待超标准,接待清单缺失,${unknown},,10个工作日\n` +
        `采购未比价,程序倒置,${inactive},李四,2099-06-30\n` +
        `会议记录缺失,记录不全,${group},,2099-06-30\n`;
      const fields = { title: uniqueText('某局违规发放津补贴案'), summary: '巡察发现问题', source: 'inspection' };
      const refused = await api.upload(`${V1}/cases/import`, { name: 'findings.csv', content: bad }, fields, officer);
      expect(refused.status).toBe(400);
      expectErrorBody(refused.body, 400, /^file findings\.csv was not imported, nothing was created \(3 problems\): /, { field: 'file' });
      const message = (refused.body as { message: string }).message;
      expect(message).toContain(`row 3: 责任单位 unknown unit "${unknown}"`);
      expect(message).toContain(`row 4: 责任单位 unit "${inactive}" is not active`);
      expect(message).toContain(`row 5: 责任单位 "${group}" is a stationed_group, not a unit`);
      expect(message).not.toContain('row 2');
      expect(await total()).toBe(before);

      const named = uniqueUnit('U-FIN');
      await registerUnit(named, '财政局');
      const good = `问题,问题描述,责任单位,责任人,整改时限\n津补贴审批把关不严,财务审批流于形式,财政局,王芳,2099-03-31\n公务接待超标准,接待清单缺失,${active},,10个工作日\n`;
      const imported = await api.upload<CaseWithFindings>(`${V1}/cases/import`, { name: 'findings.csv', content: good }, fields, officer);
      expect(imported.status).toBe(201);
      expect(imported.body.findings.map((each) => each.unitId)).toEqual([named, active]);
    });

    it('refuses to deactivate a unit with open findings (409 UNIT_IN_USE, with the count) and allows it once none is open', async () => {
      const busy = uniqueUnit('U');
      const idle = uniqueUnit('U');
      await registerUnit(busy, '在用单位');
      await registerUnit(idle, '空闲单位');
      const [first, second] = (await openCase([finding(busy), finding(busy)])).findings;
      const deactivate = (id: string, name: string) => saveUnit(id, { name, kind: 'unit', parentId: 'ROOT', active: false });

      const refused = await deactivate(busy, '在用单位');
      expect(refused.status).toBe(409);
      expectErrorBody(refused.body, 409, /\b2 open findings\b/, { code: 'UNIT_IN_USE' });
      expect((await api.get<OrgUnit>(`${V1}/org-units/${busy}`, officer)).body.active).toBe(true);

      await steps.toClosed(first.id, unitUser(busy));
      const stillOne = await deactivate(busy, '在用单位');
      expect(stillOne.status).toBe(409);
      expectErrorBody(stillOne.body, 409, exactly(`unit "${busy}" has 1 open finding and cannot be deactivated until they are closed`), {
        code: 'UNIT_IN_USE',
      });

      await steps.toClosed(second.id, unitUser(busy));
      const allowed = await deactivate(busy, '在用单位');
      expect([allowed.status, allowed.body.active]).toEqual([200, false]);
      const never = await deactivate(idle, '空闲单位');
      expect([never.status, never.body.active]).toEqual([200, false]);

      expect((await api.post(`${V1}/cases`, caseOf([finding(busy)]), officer)).status).toBe(400);
      // The closed findings stay readable, and the unit's own users are now refused at the door.
      expect((await steps.finding(first.id)).status).toBe(200);
      expect((await api.get(`${V1}/findings`, unitUser(busy))).status).toBe(403);
    });

    // Its own users would be refused at the door (403) and nobody could plan or report: the silent drop of domain.md.
    const KIND_CHANGES: Array<[string, (unitId: string) => Promise<{ status: number }>]> = [
      ['PUT /org-units/:id', (unitId) => saveUnit(unitId, { name: '在用单位', kind: 'office', parentId: 'ROOT' })],
      [
        'POST /org-units/import',
        (unitId) =>
          api.upload(
            `${V1}/org-units/import`,
            { name: 'kind.csv', content: `编码,名称,类型,上级编码\n${unitId},在用单位,纪检监察室,ROOT\n` },
            {},
            admin,
          ),
      ],
    ];
    for (const [route, changeKind] of KIND_CHANGES) {
      it(`keeps a unit with open findings a unit: ${route} does not make it a discipline-side org unit`, async () => {
        const busy = uniqueUnit('U');
        await registerUnit(busy, '在用单位');
        const [open] = (await openCase([finding(busy)])).findings;
        try {
          expect([400, 409]).toContain((await changeKind(busy)).status);
          expect((await api.get<OrgUnit>(`${V1}/org-units/${busy}`, officer)).body.kind).toBe('unit');
          expect((await steps.plan(open.id, unitUser(busy))).status).toBe(200);
        } finally {
          await saveUnit(busy, { name: '在用单位', kind: 'unit', parentId: 'ROOT' });
        }
      });
    }

    it('keeps ROOT a commission: PUT /org-units/ROOT with another kind → 400 naming kind', async () => {
      try {
        const changed = await saveUnit('ROOT', { name: '某县纪委监委', kind: 'unit', parentId: null });
        expect(changed.status).toBe(400);
        expectErrorBody(changed.body, 400, /kind/, { code: 'VALIDATION_FAILED', field: 'kind' });
      } finally {
        // Whatever happened, the rest of this file needs ROOT to be the commission (a root supervisor sees everything).
        await saveUnit('ROOT', { name: '某县纪委监委', kind: 'commission', parentId: null });
      }
      expect((await api.get<OrgUnit>(`${V1}/org-units/ROOT`, officer)).body.kind).toBe('commission');
    });
  });

  describe('POST /org-units/import', () => {
    const HEADER = '编码,名称,类型,上级编码,监督单位';
    const importFile = (name: string, content: Buffer | string, by: AuthHeaders = admin) =>
      api.upload<OrgUnitImportResult>(`${V1}/org-units/import`, { name, content }, {}, by);

    it('imports a CSV with the kinds by their Chinese names and 监督单位, then counts an update, then nothing on the same file again', async () => {
      const [office, group, township, unitA, unitB, unitC] = ['OFF', 'SG', 'TC', 'U', 'U', 'U'].map((prefix) => uniqueUnit(prefix));
      const rows = [
        `${office},第三纪检监察室,纪检监察室,ROOT,`,
        `${unitA},县水利局,责任单位,ROOT,`,
        `${unitB},县交通局,责任单位,ROOT,`,
        `${group},派驻第二纪检监察组,派驻纪检监察组,ROOT,${unitA};${unitB}`,
        `${township},东关镇纪委,乡镇纪委,ROOT,`,
        `${unitC},东关镇人民政府,unit,${township},`,
      ];
      const csv = `\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`;
      const first = await importFile('组织机构.csv', csv);
      expect([first.status, first.body]).toEqual([expect.any(Number), { created: 6, updated: 0 }]);
      expect((await api.get<OrgUnit>(`${V1}/org-units/${group}`, officer)).body).toMatchObject({
        name: '派驻第二纪检监察组',
        kind: 'stationed_group',
        parentId: 'ROOT',
        supervises: [unitA, unitB].sort(),
        active: true,
      });
      expect((await api.get<OrgUnit>(`${V1}/org-units/${unitC}`, officer)).body).toMatchObject({ kind: 'unit', parentId: township });
      expect((await api.get<OrgUnit>(`${V1}/org-units/${office}`, officer)).body.kind).toBe('office');
      expect((await api.get<OrgUnit>(`${V1}/org-units/${township}`, officer)).body.kind).toBe('township_commission');

      const renamed = csv.replace('县交通局', '县交通运输局');
      expect((await importFile('组织机构.csv', renamed)).body).toEqual({ created: 0, updated: 1 });
      const again = await importFile('组织机构.csv', renamed);
      expect([again.status, again.body]).toEqual([first.status, { created: 0, updated: 0 }]);
      expect((await api.get<OrgUnit>(`${V1}/org-units/${unitB}`, officer)).body.name).toBe('县交通运输局');
    });

    it('answers with a status its OpenAPI document declares', async () => {
      const unit = uniqueUnit('U');
      const imported = await importFile('one.csv', `编码,名称,类型,上级编码\n${unit},县统计局,责任单位,ROOT\n`);
      expect(imported.body).toEqual({ created: 1, updated: 0 });
      const docs = await api.get<{ paths: Record<string, { post: { responses: Record<string, unknown> } }> }>('/api/docs-json');
      const declared = Object.keys(docs.body.paths['/api/v1/org-units/import'].post.responses).filter((status) => status.startsWith('2'));
      expect(declared).toContain(String(imported.status));
    });

    it('imports an XLSX, 类型 as the kind’s code or its Chinese name', async () => {
      const [commissionChild, unitA, unitB] = [uniqueUnit('OFF'), uniqueUnit('U'), uniqueUnit('U')];
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('组织机构');
      sheet.addRow(['编码', '名称', '类型', '上级编码', '监督单位']);
      sheet.addRow([unitA, '县卫健局', 'unit', 'ROOT', null]);
      sheet.addRow([unitB, '县民政局', '责任单位', 'ROOT', null]);
      sheet.addRow([commissionChild, '第四纪检监察室', 'office', 'ROOT', `${unitA}；${unitB}`]);
      const imported = await importFile('组织机构.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
      expect(imported.body).toEqual({ created: 3, updated: 0 });
      expect((await api.get<OrgUnit>(`${V1}/org-units/${commissionChild}`, officer)).body).toMatchObject({
        kind: 'office',
        supervises: [unitA, unitB].sort(),
      });
      expect((await importFile('组织机构.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).body).toEqual({ created: 0, updated: 0 });
    });

    it('takes a 监督单位 naming a unit further down the file (as DEMO_ORG_UNITS itself orders them)', async () => {
      const [group, unitA, unitB] = [uniqueUnit('SG'), uniqueUnit('U'), uniqueUnit('U')];
      const csv = `${HEADER}\n${group},派驻第三纪检监察组,派驻纪检监察组,ROOT,${unitA};${unitB}\n${unitA},县商务局,责任单位,ROOT,\n${unitB},县文旅局,责任单位,ROOT,\n`;
      const imported = await importFile('stationed-first.csv', csv);
      expect([imported.body, imported.status]).toEqual([{ created: 3, updated: 0 }, expect.any(Number)]);
      expect((await api.get<OrgUnit>(`${V1}/org-units/${group}`, officer)).body.supervises).toEqual([unitA, unitB].sort());
    });

    it('is all or nothing: 400 listing every bad row by number and code, and no row saved', async () => {
      const [good, child, cycleA, group] = [uniqueUnit('U'), uniqueUnit('U'), uniqueUnit('U'), uniqueUnit('SG')];
      const missing = uniqueUnit('NO');
      await register(group, { name: '派驻组', kind: 'stationed_group', parentId: 'ROOT' });
      const csv = [
        HEADER,
        `${good},县审计局,责任单位,ROOT,`,
        `${child},审计局下属中心,责任单位,${good},`,
        `bad code,坏编码,责任单位,ROOT,`,
        `${uniqueUnit('U')},未知类型,局,ROOT,`,
        `${uniqueUnit('U')},未知上级,责任单位,${missing},`,
        `${uniqueUnit('SG')},监督非单位,派驻纪检监察组,ROOT,${group}`,
        `${cycleA},,责任单位,ROOT,`,
        `${uniqueUnit('R')},第二个根,纪委监委,,`,
      ].join('\n');
      const refused = await importFile('bad.csv', csv);
      expect(refused.status).toBe(400);
      expectErrorBody(refused.body, 400, /^file bad\.csv was not imported, nothing was saved \(6 bad rows\): /, {
        code: 'VALIDATION_FAILED',
        field: 'file',
      });
      const message = (refused.body as unknown as { message: string }).message;
      const listed = [...message.matchAll(/row (\d+) \(([^)]*)\)/g)].map((match) => Number(match[1]));
      expect(listed).toEqual([4, 5, 6, 7, 8, 9]);
      expect(message).toContain('row 4 (bad code): 编码 must be');
      expect(message).toContain('row 5 (');
      expect(message).toMatch(/row 5 \([^)]+\): 类型 must be one of 纪委监委, 纪检监察室, 派驻纪检监察组, 乡镇纪委, 责任单位/);
      expect(message).toContain(`"${missing}"`);
      expect(message).toContain(`监督单位: "${group}" is a stationed_group, not a unit`);
      expect(message).toContain(`row 8 (${cycleA}): 名称 is required`);
      expect(message).toMatch(/row 9 \([^)]+\): 上级编码: the tree already has its root "ROOT"/);
      for (const id of [good, child]) expect((await api.get(`${V1}/org-units/${id}`, officer)).status).toBe(404);

      expect((await importFile('one.csv', `${HEADER}\n${uniqueUnit('U')},单位,unit,ROOT,\n`, officer)).status).toBe(403);
      const noFile = await api.upload(`${V1}/org-units/import`, { name: 'empty.csv', content: '编码,名称\n' }, {}, admin);
      expectErrorBody(noFile.body, 400, /lacks the columns 类型, 上级编码/, { field: 'file' });
    });
  });

  describe('tokens naming org units', () => {
    it('refuses (403) an orgUnitId that names no registered org unit, or a unit', async () => {
      for (const claims of [
        { sub: 'ghost-officer', roles: ['officer'], orgUnitId: 'NO-SUCH-ORG' },
        { sub: 'ghost-supervisor', roles: ['supervisor'], orgUnitId: 'NO-SUCH-ORG' },
        { sub: 'ghost-auditor', roles: ['auditor'], orgUnitId: 'NO-SUCH-ORG' },
      ]) {
        for (const path of ['/findings', '/org-units', '/reports/summary']) {
          const refused = await api.get(`${V1}${path}`, as(claims));
          expect([claims.roles[0], path, refused.status]).toEqual([claims.roles[0], path, 403]);
          expectErrorBody(refused.body, 403, exactly('orgUnitId: unknown org unit'), { code: 'FORBIDDEN' });
        }
      }
      const unit = uniqueUnit('U');
      await registerUnit(unit);
      const asUnit = await api.get(`${V1}/findings`, as({ sub: 'confused', roles: ['supervisor'], orgUnitId: unit }));
      expectErrorBody(asUnit.body, 403, /is a unit, not a discipline-side org unit/, { code: 'FORBIDDEN' });
    });

    it('refuses (403) a unit token whose unitId is not a registered, active unit of kind unit', async () => {
      const office = uniqueUnit('OFF');
      const inactive = uniqueUnit('U');
      await register(office, { name: '室', kind: 'office', parentId: 'ROOT' });
      await register(inactive, { name: '停用', kind: 'unit', parentId: 'ROOT', active: false });
      for (const unitId of [uniqueUnit('U9'), office, inactive]) {
        const refused = await api.get(`${V1}/findings`, unitUser(unitId));
        expect([unitId, refused.status]).toEqual([unitId, 403]);
        expectErrorBody(refused.body, 403, new RegExp(`unitId: "${unitId}" is not a registered, active unit`), { code: 'FORBIDDEN' });
      }
    });
  });

  describe('jurisdiction through HTTP: a stationed group supervising unit A', () => {
    let group: string;
    let unitA: string;
    let unitB: string;
    let mixed: CaseWithFindings;
    let onlyB: CaseWithFindings;
    let findingA: Finding;
    let findingB: Finding;
    let groupSupervisor: AuthHeaders;
    let groupAuditor: AuthHeaders;

    beforeAll(async () => {
      unitA = uniqueUnit('UA');
      unitB = uniqueUnit('UB');
      group = uniqueUnit('SG');
      await registerUnit(unitA, '县财政局');
      await registerUnit(unitB, '县交通局');
      await register(group, { name: '派驻纪检监察组', kind: 'stationed_group', parentId: 'ROOT', supervises: [unitA] });
      groupSupervisor = as({ sub: uniqueUnit('sup'), roles: ['supervisor'], orgUnitId: group });
      groupAuditor = as({ sub: uniqueUnit('aud'), roles: ['auditor'], orgUnitId: group });
      mixed = await openCase([finding(unitA), finding(unitB)]);
      onlyB = await openCase([finding(unitB)]);
      [findingA, findingB] = mixed.findings;
    });

    it('sees unit A’s finding (GET /findings, GET /findings/:id) and answers 404 for unit B’s, as for an unknown id', async () => {
      const listed = await api.get<Page<Finding>>(`${V1}/findings?caseId=${mixed.id}`, groupSupervisor);
      expect(listed.body).toMatchObject({ total: 1, items: [{ id: findingA.id, unitId: unitA }] });
      expect((await api.get<Page<Finding>>(`${V1}/findings?caseId=${onlyB.id}`, groupSupervisor)).body).toMatchObject({
        total: 0,
        items: [],
      });
      expect((await api.get<Page<Finding>>(`${V1}/findings?unitId=${unitB}`, groupSupervisor)).body.total).toBe(0);
      expect((await api.get<FindingWithEvents>(`${V1}/findings/${findingA.id}`, groupSupervisor)).status).toBe(200);
      const hidden = await api.get(`${V1}/findings/${findingB.id}`, groupSupervisor);
      expect(hidden.status).toBe(404);
      expectErrorBody(hidden.body, 404, exactly(`finding "${findingB.id}" not found`), { code: 'NOT_FOUND' });
      expect((await api.get(`${V1}/findings/${findingB.id}`, groupAuditor)).status).toBe(404);
    });

    it('lists A’s plan in GET /approvals and decides it; B’s plan stays out and deciding it answers 404', async () => {
      expect((await steps.plan(findingA.id, unitUser(unitA))).status).toBe(200);
      expect((await steps.plan(findingB.id, unitUser(unitB))).status).toBe(200);
      const queue = await api.get<Page<Finding>>(`${V1}/approvals`, groupSupervisor);
      expect(queue.status).toBe(200);
      const queued = queue.body.items.map((each) => each.id);
      expect(queued).toContain(findingA.id);
      expect(queued).not.toContain(findingB.id);
      for (const each of queue.body.items) expect(each.unitId).toBe(unitA);
      expect((await api.get<Page<Finding>>(`${V1}/approvals`, supervisor)).body.items.map((each) => each.id)).toEqual(
        expect.arrayContaining([findingA.id, findingB.id]),
      );

      const decided = await steps.decidePlan(findingA.id, 'approve', groupSupervisor);
      expect([decided.status, decided.body.status]).toEqual([200, 'RECTIFYING']);
      const refused = await steps.decidePlan(findingB.id, 'approve', groupSupervisor);
      expect(refused.status).toBe(404);
      expectErrorBody(refused.body, 404, exactly(`finding "${findingB.id}" not found`), { code: 'NOT_FOUND' });
      expect((await steps.finding(findingB.id)).body.status).toBe('PLAN_SUBMITTED');
    });

    it('GET /cases leaves B-only cases out; GET /cases/:id shows only A’s findings and answers 404 for a B-only case', async () => {
      const listed = await api.get<Page<CaseWithFindings>>(`${V1}/cases?pageSize=200`, groupSupervisor);
      expect(listed.status).toBe(200);
      const ids = listed.body.items.map((each) => each.id);
      expect(ids).toContain(mixed.id);
      expect(ids).not.toContain(onlyB.id);
      expect(listed.body.total).toBe(listed.body.items.length);

      const read = await api.get<CaseWithFindings>(`${V1}/cases/${mixed.id}`, groupSupervisor);
      expect(read.body.findings.map((each) => each.id)).toEqual([findingA.id]);
      const hidden = await api.get(`${V1}/cases/${onlyB.id}`, groupSupervisor);
      expect(hidden.status).toBe(404);
      expectErrorBody(hidden.body, 404, undefined, { code: 'NOT_FOUND' });

      const groupOfficer = as({ sub: uniqueUnit('off'), roles: ['officer'], orgUnitId: group });
      expect((await api.post(`${V1}/cases/${onlyB.id}/findings`, finding(unitA), groupOfficer)).status).toBe(404);
    });

    it('/ledger and its CSV leave B out', async () => {
      const ledger = await api.get<Page<{ unitId: string; title: string }>>(`${V1}/ledger?caseId=${mixed.id}`, groupSupervisor);
      expect(ledger.body).toMatchObject({ total: 1, items: [{ unitId: unitA, title: findingA.title }] });
      const everything = await api.get<Page<{ unitId: string }>>(`${V1}/ledger?pageSize=200`, groupSupervisor);
      expect(new Set(everything.body.items.map((row) => row.unitId))).toEqual(new Set([unitA]));

      const csv = await api.get<string>(`${V1}/ledger?caseId=${mixed.id}`, { ...groupSupervisor, accept: 'text/csv' });
      expect(csv.status).toBe(200);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(findingA.title);
      expect(csv.body).not.toContain(findingB.title);
    });

    it('/reports/summary counts only A', async () => {
      const summary = await api.get<FindingsSummary>(`${V1}/reports/summary`, groupSupervisor);
      expect(summary.status).toBe(200);
      expect(summary.body.findings.total).toBe(1);
      expect(summary.body.byUnit.map((row) => [row.unitId, row.total])).toEqual([[unitA, 1]]);
      const everything = await api.get<FindingsSummary>(`${V1}/reports/summary`, supervisor);
      expect(everything.body.byUnit.map((row) => row.unitId)).toEqual(expect.arrayContaining([unitA, unitB]));
    });

    it('/audit leaves B’s events (and the registers’) out', async () => {
      for (const by of [groupSupervisor, groupAuditor]) {
        const ofA = await api.get<Page<AuditEntry>>(`${V1}/audit?entityId=${findingA.id}`, by);
        expect(ofA.body.total).toBeGreaterThanOrEqual(3);
        expect((await api.get<Page<AuditEntry>>(`${V1}/audit?entityId=${findingB.id}`, by)).body).toEqual({ items: [], total: 0 });
        expect((await api.get<Page<AuditEntry>>(`${V1}/audit?entityId=${onlyB.id}`, by)).body.total).toBe(0);
        expect((await api.get<Page<AuditEntry>>(`${V1}/audit?entityId=${mixed.id}`, by)).body.total).toBeGreaterThan(0);
        expect((await api.get<Page<AuditEntry>>(`${V1}/audit?type=ORG_UNIT_SAVED`, by)).body.total).toBe(0);
      }
      expect((await api.get<Page<AuditEntry>>(`${V1}/audit?entityId=${findingB.id}`, auditor)).body.total).toBeGreaterThan(0);
    });

    it('rolls a township commission’s subtree up in /reports/summary?orgUnitId=&rollup=true for a root supervisor', async () => {
      const township = uniqueUnit('TC');
      const townUnit = uniqueUnit('U');
      const stationed = uniqueUnit('SG');
      const supervisedElsewhere = uniqueUnit('U');
      await register(township, { name: '西关镇纪委', kind: 'township_commission', parentId: 'ROOT' });
      await registerUnit(townUnit, '西关镇人民政府', township);
      await registerUnit(supervisedElsewhere, '县林业局');
      await register(stationed, { name: '镇派驻组', kind: 'stationed_group', parentId: township, supervises: [supervisedElsewhere] });
      await openCase([finding(townUnit), finding(supervisedElsewhere), finding(unitB)]);

      const rootSupervisor = as({ sub: uniqueUnit('sup'), roles: ['supervisor'], orgUnitId: 'ROOT' });
      const report = async (query: string) => {
        const answered = await api.get<FindingsSummary>(`${V1}/reports/summary?${query}`, rootSupervisor);
        expect(answered.status).toBe(200);
        return answered.body.byUnit.map((row) => row.unitId).sort();
      };
      expect(await report(`orgUnitId=${township}&rollup=false`)).toEqual([townUnit]);
      expect(await report(`orgUnitId=${township}&rollup=true`)).toEqual([townUnit, supervisedElsewhere].sort());
      expect(await report(`orgUnitId=${township}`)).toEqual([townUnit]);
      const bad = await api.get(`${V1}/reports/summary?orgUnitId=${township}&rollup=yes`, rootSupervisor);
      expectErrorBody(bad.body, 400, /rollup must be true or false/, { field: 'rollup' });

      const townshipSupervisor = as({ sub: uniqueUnit('sup'), roles: ['supervisor'], orgUnitId: township });
      const own = await api.get<FindingsSummary>(`${V1}/reports/summary`, townshipSupervisor);
      expect(own.body.byUnit.map((row) => row.unitId).sort()).toEqual([townUnit, supervisedElsewhere].sort());
    });
  });

  describe('the tracking office (谁建议、谁跟踪)', () => {
    it('is the opening officer’s org unit; a supervisor of that office sees the finding, ?trackingOfficeId= filters', async () => {
      const office = uniqueUnit('OFF');
      const unit = uniqueUnit('U');
      const otherGroup = uniqueUnit('SG');
      await register(office, { name: '第五纪检监察室', kind: 'office', parentId: 'ROOT' });
      await register(otherGroup, { name: '无关派驻组', kind: 'stationed_group', parentId: 'ROOT' });
      await registerUnit(unit, '县住建局');
      const officeOfficer = as({ sub: uniqueUnit('off'), roles: ['officer'], orgUnitId: office });
      const opened = await openCase([finding(unit)], officeOfficer);
      const tracked = opened.findings[0];
      expect(tracked.trackingOfficeId).toBe(office);
      expect((await steps.finding(tracked.id)).body.trackingOfficeId).toBe(office);

      const officeSupervisor = as({ sub: uniqueUnit('sup'), roles: ['supervisor'], orgUnitId: office });
      expect((await api.get<FindingWithEvents>(`${V1}/findings/${tracked.id}`, officeSupervisor)).status).toBe(200);
      expect((await api.get<Page<Finding>>(`${V1}/findings`, officeSupervisor)).body).toMatchObject({
        total: 1,
        items: [{ id: tracked.id }],
      });
      const outsider = as({ sub: uniqueUnit('sup'), roles: ['supervisor'], orgUnitId: otherGroup });
      expect((await api.get(`${V1}/findings/${tracked.id}`, outsider)).status).toBe(404);

      const filtered = await api.get<Page<Finding>>(`${V1}/findings?trackingOfficeId=${office}`, supervisor);
      expect(filtered.body).toMatchObject({ total: 1, items: [{ id: tracked.id, trackingOfficeId: office }] });
      const added = await api.post<Finding>(`${V1}/cases/${opened.id}/findings`, finding(unit), officeOfficer);
      expect([added.status, added.body.trackingOfficeId]).toEqual([201, office]);
      expect((await api.get<Page<Finding>>(`${V1}/findings?trackingOfficeId=${office}`, supervisor)).body.total).toBe(2);

      const notAnOffice = await api.post(`${V1}/cases`, caseOf([finding(unit, { trackingOfficeId: unit })]), officer);
      expectErrorBody(notAnOffice.body, 400, /is a unit, not a discipline-side org unit/, { field: 'findings[0].trackingOfficeId' });
    });
  });

  describe('the admin role', () => {
    it('keeps the registers and reads no case, finding, approval, ledger, report or audit content (403)', async () => {
      for (const path of ['/findings', '/cases', '/audit', '/approvals', '/ledger', '/reports/summary']) {
        const refused = await api.get(`${V1}${path}`, admin);
        expect([path, refused.status]).toEqual([path, 403]);
        expectErrorBody(refused.body, 403, /^requires one of the roles: /, { code: 'FORBIDDEN' });
      }
      expect((await api.get(`${V1}/org-units`, admin)).status).toBe(200);
      expect((await api.get(`${V1}/people`, admin)).status).toBe(200);
    });
  });

  describe('SEED_DEMO=true (the stack restarted on the same data)', () => {
    const demoUnits = () => DEMO_ORG_UNITS.map(demoOrgUnitRecord);
    const demoPeople = () => DEMO_PEOPLE.map(demoPersonRecord);
    const restart = async () => {
      await stack.stop();
      stack = await Stack.start({ dataDir: stack.dataDir, env: { ...SECONDS_POLICIES, SEED_DEMO: 'true' } }, stack.ports);
    };
    const registerEvents = async () => {
      const count = async (type: string) => (await api.get<Page<AuditEntry>>(`${V1}/audit?type=${type}&pageSize=1`, auditor)).body.total;
      return { orgUnits: await count('ORG_UNIT_SAVED'), people: await count('PERSON_SAVED') };
    };
    const people = async () => (await api.get<{ items: Person[] }>(`${V1}/people`, admin)).body.items;

    it('registers the demo org units and people, keeping what was registered before', async () => {
      const before = await orgUnits();
      await restart();
      const after = await orgUnits();
      for (const unit of demoUnits()) expect(after.find((each) => each.id === unit.id)).toMatchObject(unit);
      for (const person of demoPeople()) expect((await people()).find((each) => each.id === person.id)).toMatchObject(person);
      for (const unit of before.filter((each) => each.id !== 'ROOT')) expect(after.find((each) => each.id === unit.id)).toEqual(unit);

      const demoSupervisor = as({ sub: 'sup-qian', roles: ['supervisor'], orgUnitId: 'SG-1' });
      expect((await api.get(`${V1}/findings`, demoSupervisor)).status).toBe(200);
      const demoOfficer = as({ sub: 'officer-li', roles: ['officer'], orgUnitId: 'OFF-1' });
      const opened = await openCase([finding('U-FIN')], demoOfficer);
      expect(opened).toMatchObject({ openedByName: '李明', findings: [{ unitId: 'U-FIN', trackingOfficeId: 'OFF-1' }] });
      expect((await api.get(`${V1}/findings/${opened.findings[0].id}`, demoSupervisor)).status).toBe(200);
      expect((await api.get(`${V1}/findings`, unitUser('U-FIN', 'unit-wang'))).status).toBe(200);
    });

    it('is idempotent: another restart writes no register event and changes no record', async () => {
      const units = await orgUnits();
      const registered = await people();
      const events = await registerEvents();
      await restart();
      expect(await registerEvents()).toEqual(events);
      expect(await orgUnits()).toEqual(units);
      expect(await people()).toEqual(registered);
    });
  });
});
