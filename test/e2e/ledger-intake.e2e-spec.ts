import { BUNDLED_CALENDAR_FILES, calendarFromFiles, workingDayDeadline } from '@reform/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { admin } from '../support/contract';
import { Http } from '../support/http';
import { Stack } from '../support/stack';
import { findProcess, peakResidentDuring } from '../support/process-memory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer } from '../support/tokens';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  '序号',
  '案件编号',
  '案件名称',
  '问题',
  '责任单位',
  '责任人',
  '整改时限',
  '整改状态',
  '是否逾期',
  '督办层级',
  '问责情况',
  '问责方式',
  '形态',
  '跟踪单位',
  '建议书文号',
  '销号日期',
];
const officer = bearer({ sub: 'officer-intake', roles: ['officer'] });
const supervisor = bearer({ sub: 'supervisor-intake', roles: ['supervisor'] });
const rules = { calendar: calendarFromFiles(BUNDLED_CALENDAR_FILES), timeZone: 'Asia/Shanghai', deadlineTime: '18:00' };

interface Finding {
  id: string;
  title: string;
  unitId: string;
  responsiblePerson: string | null;
  dueAt: string;
}
interface OpenedCase {
  id: string;
  code: string;
  title: string;
  findings: Finding[];
}

/** The deadline `days` working days from now, allowing for a test that runs across midnight in Beijing. */
const workingDaysFromNow = (days: number, before: number) => [
  workingDayDeadline(rules, before, days),
  workingDayDeadline(rules, Date.now(), days),
];

describe('working-day deadlines, bulk intake and the ledger exports (external PostgreSQL)', () => {
  let database: TestDatabase;
  let stack: Stack;
  let api: Http;
  const unit = `U-${randomBytes(4).toString('hex')}`;
  const other = `${unit}-B`;
  /** The registered names the exports print for 责任单位. */
  const UNIT_NAME = '县财政局';
  const OTHER_NAME = '县教育局';

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await Stack.start({ env: { DATABASE_URL: database.url } });
    api = new Http(stack.url(''));
    // The responsible units of every row below, registered as v1.1 requires of a finding's unit.
    for (const [id, name] of [
      [unit, UNIT_NAME],
      [other, OTHER_NAME],
    ]) {
      const saved = await api.put(`/api/v1/org-units/${id}`, { name, kind: 'unit', parentId: 'ROOT' }, admin);
      expect(saved.status).toBe(201);
    }
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  const upload = async (file: Buffer, name: string, title: string) => {
    const form = new FormData();
    form.append('file', new Blob([file]), name);
    form.append('title', title);
    form.append('summary', '巡察发现问题，批量录入');
    form.append('source', 'inspection');
    const response = await fetch(stack.url('/api/v1/cases/import'), { method: 'POST', headers: officer, body: form });
    return { status: response.status, body: (await response.json()) as OpenedCase & { message: string } };
  };
  const download = async (path: string, accept: string, headers = supervisor) => {
    const response = await fetch(stack.url(path), { headers: { ...headers, accept } });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  let imported: OpenedCase;

  it('POST /cases takes dueInWorkingDays and fixes the deadline at 18:00 Beijing time on the calendar', async () => {
    const before = Date.now();
    const finding = { title: '制度缺失', description: '未建立比价制度', unitId: unit, dueInWorkingDays: 3 };
    const created = await api.post<OpenedCase>(
      '/api/v1/cases',
      { title: '工作日时限', summary: '案情', source: 'audit', findings: [finding] },
      officer,
    );
    expect(created.status).toBe(201);
    expect(workingDaysFromNow(3, before)).toContain(created.body.findings[0].dueAt);
    const unitUser = bearer({ sub: 'unit-intake', roles: ['unit'], unitId: unit });
    const findingId = created.body.findings[0].id;
    const asked = await api.post(
      `/api/v1/findings/${findingId}/extension`,
      { requestedDueInWorkingDays: 20, reason: '预算周期' },
      unitUser,
    );
    expect(asked.status).toBe(202);
    const approved = await api.post<Finding>(`/api/v1/findings/${findingId}/extension/decision`, { decision: 'approve' }, supervisor);
    expect(approved.status).toBe(200);
    expect(workingDaysFromNow(20, before)).toContain(approved.body.dueAt);
    const both = await api.post(
      '/api/v1/cases',
      { title: 't', summary: 's', source: 'audit', findings: [{ ...finding, dueAt: '2099-01-01' }] },
      officer,
    );
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/dueAt and dueInWorkingDays cannot both be given/);
  });

  it('imports a CSV as one case with all its findings, once per file', async () => {
    const csv = Buffer.from(
      '\uFEFF序号,问题,问题描述,责任单位,责任人,整改时限\r\n' +
        `1,津补贴审批把关不严,财务审批流于形式,${unit},王芳,2099-03-31\r\n` +
        `2,公务接待超标准,接待清单缺失,${unit},,5个工作日\r\n` +
        `3,"采购未比价, 程序倒置",,${other},李四,2099/6/30 09:00\r\n`,
    );
    const before = Date.now();
    const first = await upload(csv, '问题清单.csv', '某局违规发放津补贴案');
    expect(first.status).toBe(201);
    imported = first.body;
    expect(imported.code).toMatch(/^ZG-\d{4}-\d{4}$/);
    expect(imported.findings.map((f) => [f.title, f.unitId, f.responsiblePerson])).toEqual([
      ['津补贴审批把关不严', unit, '王芳'],
      ['公务接待超标准', unit, null],
      ['采购未比价, 程序倒置', other, '李四'],
    ]);
    expect(imported.findings[0].dueAt).toBe('2099-03-31T10:00:00.000Z');
    expect(workingDaysFromNow(5, before)).toContain(imported.findings[1].dueAt);
    expect(imported.findings[2].dueAt).toBe('2099-06-30T01:00:00.000Z');

    const again = await upload(csv, 'copy.csv', '某局违规发放津补贴案');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(imported.id);
  });

  it('refuses a file with bad rows, listing each, and creates nothing', async () => {
    const cases = async () => (await api.get<{ total: number }>('/api/v1/cases', supervisor)).body.total;
    const before = await cases();
    const bad = Buffer.from(`问题,责任单位,整改时限\n好的问题,${unit},2099-01-01\n,${unit},2099-01-01\n时限已过,${unit},2020-01-01\n`);
    const refused = await upload(bad, 'bad.csv', '不应创建的案件');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('row 3: 问题 is required');
    expect(refused.body.message).toContain('row 4: 整改时限 must be in the future');
    expect(await cases()).toBe(before);
  });

  it('imports an XLSX with date cells', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('问题');
    sheet.addRow(['问题', '责任单位', '责任人', '整改时限', '整改时限（工作日）']);
    sheet.addRow(['会议记录缺失', unit, '赵六', new Date('2099-05-04T00:00:00Z'), null]);
    sheet.addRow(['档案管理混乱', unit, null, null, 2]);
    const created = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), '问题.xlsx', 'XLSX 导入的案件');
    expect(created.status).toBe(201);
    expect(created.body.findings.map((f) => f.title)).toEqual(['会议记录缺失', '档案管理混乱']);
    expect(created.body.findings[0].dueAt).toBe('2099-05-04T10:00:00.000Z');
  });

  it('GET /ledger answers JSON rows with 序号, confined to its own unit for a unit user', async () => {
    const page = await api.get<{ items: Array<{ seq: number; caseCode: string; title: string; unitId: string }>; total: number }>(
      `/api/v1/ledger?caseId=${imported.id}`,
      supervisor,
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((row) => [row.seq, row.caseCode, row.title])).toEqual([
      [1, imported.code, '津补贴审批把关不严'],
      [2, imported.code, '公务接待超标准'],
      [3, imported.code, '采购未比价, 程序倒置'],
    ]);
    const unitUser = bearer({ sub: 'unit-user', roles: ['unit'], unitId: other });
    const own = await api.get<{ items: Array<{ unitId: string }>; total: number }>(`/api/v1/ledger?caseId=${imported.id}`, unitUser);
    expect(own.body).toMatchObject({ total: 1, items: [{ unitId: other }] });
    const csv = await download(`/api/v1/ledger?caseId=${imported.id}`, 'text/csv', unitUser);
    expect(csv.body.toString('utf8').trim().split('\r\n')).toHaveLength(2);
  });

  it('exports the ledger as CSV (UTF-8 with BOM) and as XLSX that reads back with its headers and values', async () => {
    const csv = await download(`/api/v1/ledger?caseId=${imported.id}`, 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="ledger-\d{8}\.csv"/);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(','));
    // 责任单位 and 跟踪单位 by their registered names: the tracking office of a finding opened by an
    // officer with no org unit is the root, under whatever name it has (the demo seed renames it).
    const root = await api.get<{ name: string }>('/api/v1/org-units/ROOT', supervisor);
    expect(root.status).toBe(200);
    const tracking = root.body.name;
    expect(lines[1]).toBe(
      `1,${imported.code},某局违规发放津补贴案,津补贴审批把关不严,${UNIT_NAME},王芳,2099-03-31 18:00,已交办,否,无,无,,,${tracking},,`,
    );
    expect(lines[3]).toBe(
      `3,${imported.code},某局违规发放津补贴案,"采购未比价, 程序倒置",${OTHER_NAME},李四,2099-06-30 09:00,已交办,否,无,无,,,${tracking},,`,
    );

    const xlsx = await download(`/api/v1/ledger?caseId=${imported.id}`, XLSX);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('台账');
    if (!sheet) throw new Error('the workbook has no 台账 sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(30);
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    expect(first.values).toEqual([
      undefined,
      1,
      imported.code,
      '某局违规发放津补贴案',
      '津补贴审批把关不严',
      UNIT_NAME,
      '王芳',
      new Date('2099-03-31T18:00:00Z'),
      '已交办',
      '否',
      '无',
      '无',
      // 问责方式 and 形态: empty until accountability is decided.
      undefined,
      undefined,
      tracking,
    ]);
  });

  it('answers the reports with the new filters', async () => {
    const summary = await api.get<{ findings: { total: number } }>(`/api/v1/reports/summary?unitId=${unit}&from=2020-01-01`, supervisor);
    expect(summary.body.findings.total).toBe(5);
    const trend = await api.get<{ months: Array<{ opened: number }> }>(`/api/v1/reports/trend?unitId=${unit}`, supervisor);
    expect(trend.status).toBe(200);
    expect(trend.body.months).toHaveLength(12);
    expect(trend.body.months.at(-1)?.opened).toBe(5);
    expect((await api.get(`/api/v1/reports/overdue-ageing?unitId=${unit}`, supervisor)).body).toMatchObject({ total: 0, byUnit: [] });
    expect((await api.get(`/api/v1/reports/time-to-close?unitId=${unit}`, supervisor)).body).toMatchObject({ closed: 0 });
  });

  describe('exporting 100,000 rows', () => {
    const ROWS = 100_000;
    const MIB = 1024 * 1024;

    beforeAll(async () => {
      await database.dataSource.query(
        `INSERT INTO cases (id, code, title, summary, source, status, opened_by, created_at, updated_at, version)
         SELECT gen_random_uuid(), 'BULK-' || lpad(g::text, 4, '0'), '压测案件 ' || g || ' 某局违规发放津补贴案', '案情', 'other', 'OPEN', 'seed', now(), now(), 1
         FROM generate_series(1, 100) g`,
      );
      await database.dataSource.query(
        `WITH c AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM cases WHERE code LIKE 'BULK-%')
         INSERT INTO findings (id, case_id, title, description, unit_id, responsible_person, due_at, status, overdue,
                               escalation_level, accountability, opened_by, created_at, updated_at, version)
         SELECT gen_random_uuid(), c.id, '问题 ' || g || '：制度执行不到位，台账记录缺失，整改措施未落实', '描述', 'U-BULK', '张三',
                now() + interval '30 days', 'RECTIFYING', g % 7 = 0, g % 4, 'none', 'seed',
                timestamptz '2020-01-01' + g * interval '1 second', now(), 1
         FROM generate_series(1, ${ROWS}) g JOIN c ON c.n = (g % 100) + 1`,
      );
    });

    /** Reads a download as it arrives, keeping only what `take` keeps. */
    const streamed = async (accept: string, take: (chunk: Uint8Array) => void) => {
      const response = await fetch(stack.url('/api/v1/ledger?unitId=U-BULK'), { headers: { ...supervisor, accept } });
      expect(response.status).toBe(200);
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) take(chunk);
    };

    it('streams CSV and XLSX with the API growing by less than 200 MiB', async () => {
      const api = findProcess('dist/apps/api/main.js', stack.port);
      let lines = 0;
      const csv = await peakResidentDuring(api, () =>
        streamed('text/csv', (chunk) => {
          for (const byte of chunk) if (byte === 0x0a) lines++;
        }),
      );
      expect(lines).toBe(ROWS + 1);
      expect((csv.peak - csv.baseline) / MIB).toBeLessThan(200);

      let bytes = 0;
      let tail = Buffer.alloc(0);
      const xlsx = await peakResidentDuring(api, () =>
        streamed(XLSX, (chunk) => {
          bytes += chunk.length;
          tail = Buffer.concat([tail, Buffer.from(chunk)]).subarray(-22);
        }),
      );
      expect((xlsx.peak - xlsx.baseline) / MIB).toBeLessThan(200);
      // A whole zip: it ends with the end-of-central-directory record. (Its rows are the CSV's rows; the
      // small export above is the one parsed back cell by cell.)
      expect(bytes).toBeGreaterThan(ROWS * 20);
      expect(tail.subarray(0, 4).toString('hex')).toBe('504b0506');
      process.stdout.write(
        `ledger export of ${ROWS} rows: API RSS +${((csv.peak - csv.baseline) / MIB).toFixed(1)} MiB (CSV), ` +
          `+${((xlsx.peak - xlsx.baseline) / MIB).toFixed(1)} MiB (XLSX, ${(bytes / MIB).toFixed(1)} MiB)\n`,
      );
    });
  });
});
