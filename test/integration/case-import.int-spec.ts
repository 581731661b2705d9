import request from 'supertest';
import { startApi, type InProcessApi } from '../support/api-app';
import { hs256 } from '../support/oidc-provider';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SECRET = 'case-import-int-secret-of-enough-length';
const UNIT = 'U-IMP';
const csv = (rows: string[]) => Buffer.from(['问题,问题描述,责任单位,整改时限', ...rows].join('\n') + '\n');
const GOOD = csv([`制度缺失,未建立比价制度,县进口局,2099-03-31`, `审批不严,,${UNIT},10个工作日`]);
const BAD = csv([`制度缺失,未建立比价制度,县进口局,2099-03-31`, `,无标题,${UNIT},2099-03-31`, `未登记,,U-NOBODY,2020-01-01`]);

/**
 * POST /cases/import's dry run against PostgreSQL: it answers what a file would create and leaves
 * no trace — no case, no finding, no idempotency binding — and the findings a real import then
 * creates carry their case's code and title on GET /findings.
 */
describe('bulk import dry run and findings with their case (PostgreSQL)', () => {
  let db: TestDatabase;
  let api: InProcessApi;
  let officer: string;
  let unitUser: string;

  const counts = async () => {
    const [row] = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM findings)::int AS findings,
              (SELECT count(*) FROM idempotency_keys)::int AS keys`,
    );
    return row as { cases: number; findings: number; keys: number };
  };
  const upload = (file: Buffer, fields: Record<string, string>) => {
    let call = request(api.server).post('/api/v1/cases/import').set('authorization', officer).attach('file', file, '问题清单.csv');
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    return call;
  };
  const meta = { title: '某局违规采购案', summary: '审计发现', source: 'audit' };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db.url, { AUTH_JWT_SECRET: SECRET });
    const options = { issuer: null, audience: null };
    const admin = `Bearer ${await hs256({ sub: 'imp-admin', roles: ['admin'] }, SECRET, options)}`;
    officer = `Bearer ${await hs256({ sub: 'imp-officer', roles: ['officer'] }, SECRET, options)}`;
    unitUser = `Bearer ${await hs256({ sub: 'imp-unit', roles: ['unit'], unitId: UNIT }, SECRET, options)}`;
    const put = await request(api.server)
      .put(`/api/v1/org-units/${UNIT}`)
      .set('authorization', admin)
      .send({ name: '县进口局', kind: 'unit', parentId: 'ROOT' });
    expect(put.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('previews a good file — unit named, working days counted — and creates nothing, binding nothing', async () => {
    const before = await counts();
    const preview = await upload(GOOD, { dryRun: 'true' });
    expect(preview.status).toBe(200);
    expect(preview.body.dryRun).toBe(true);
    expect(preview.body.findings).toEqual([
      expect.objectContaining({ row: 2, title: '制度缺失', unitId: UNIT, unitName: '县进口局', dueAt: '2099-03-31T10:00:00.000Z' }),
      expect.objectContaining({ row: 3, title: '审批不严', description: '审批不严', unitId: UNIT, dueAt: expect.any(String) }),
    ]);
    expect(Date.parse(preview.body.findings[1].dueAt)).toBeGreaterThan(Date.now());
    expect(await counts()).toEqual(before);
    expect(api.workflows.calls).toEqual([]);
  });

  it('refuses a bad file in the dry run with the same 400 as the import, each bad cell a problem with its row', async () => {
    const before = await counts();
    const dry = await upload(BAD, { ...meta, dryRun: 'true' });
    const real = await upload(BAD, meta);
    expect([dry.status, real.status]).toEqual([400, 400]);
    expect(dry.body).toEqual(real.body);
    expect(dry.body.problems).toEqual([
      { row: 3, field: 'title', rule: 'required' },
      { row: 4, field: 'dueAt', rule: 'notInFuture' },
      { row: 4, field: 'unitId', rule: 'unknownReference' },
    ]);
    expect(dry.body.message).toMatch(/^file 问题清单\.csv was not imported, nothing was created \(2 problems\): row 3: 问题 is required/);
    expect(await counts()).toEqual(before);
  });

  it('imports the previewed file for real after the dry run bound nothing, and lists its findings with the case code and title', async () => {
    const imported = await upload(GOOD, meta);
    expect(imported.status).toBe(201);
    const { id, code } = imported.body as { id: string; code: string };
    expect(await counts()).toMatchObject({ cases: 1, findings: 2, keys: 1 });

    const listed = await request(api.server).get('/api/v1/findings').set('authorization', unitUser);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    for (const item of listed.body.items) expect(item).toMatchObject({ caseId: id, caseCode: code, caseTitle: '某局违规采购案' });
    const one = await request(api.server).get(`/api/v1/findings/${listed.body.items[0].id}`).set('authorization', officer);
    expect(one.body).toMatchObject({ caseCode: code, caseTitle: '某局违规采购案', nextEscalationAt: null });
    // The filters still apply beside the case join.
    const byCase = await request(api.server).get('/api/v1/findings').query({ caseId: id, unitId: UNIT }).set('authorization', officer);
    expect(byCase.body.total).toBe(2);
  });
});
