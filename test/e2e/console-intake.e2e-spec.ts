import { Workbook } from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleBrowser, type Desk } from '../support/console-browser';
import type { Stack } from '../support/stack';
import { bearer } from '../support/tokens';

/**
 * 批量导入 as a county office uses it, in Chromium: a real XLSX with one bad row is refused row by row
 * in Chinese and creates nothing; the fixed file is previewed, imported and opens its case; a
 * finding due in working days is added to that case; the unit sees it with its case's code and name.
 */
describe('web console: bulk intake, a finding in working days, the unit sees its case', () => {
  let consoleBrowser: ConsoleBrowser | undefined;
  let stack: Stack | undefined;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'console-intake-'));
    consoleBrowser = await ConsoleBrowser.start('intake', {
      env: { SEED_DEMO: 'true', POLICY_PLAN_DUE: 'PT1H', POLICY_APPROVAL_SLA: 'PT1H', POLICY_ESCALATION_STEP: 'PT1H' },
    });
    stack = consoleBrowser.stack;
  });

  afterAll(async () => {
    await consoleBrowser?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const signIn = (name: string): Promise<Desk> => (consoleBrowser as ConsoleBrowser).signIn(name);
  const screenshot = (desk: Desk, what: string) => (consoleBrowser as ConsoleBrowser).screenshot(desk, what);
  const caseCount = async () => {
    const answer = await fetch((stack as Stack).url('/api/v1/cases'), { headers: bearer({ sub: 'audit-chen', roles: ['auditor'] }) });
    return ((await answer.json()) as { total: number }).total;
  };

  /** The list of findings an office keeps in Excel: 问题, 问题描述, 责任单位 (by name or code), 责任人, 整改时限. */
  async function workbook(name: string, rows: Array<[string, string, string, string | null, Date | string]>): Promise<string> {
    const book = new Workbook();
    const sheet = book.addWorksheet('问题清单');
    sheet.addRow(['问题', '问题描述', '责任单位', '责任人', '整改时限']);
    for (const row of rows) sheet.addRow(row);
    const path = join(folder, name);
    await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
    return path;
  }

  it('refuses a bad row in Chinese creating nothing, imports the fixed file, adds a finding in working days; the unit sees the case', async () => {
    const stamp = Date.now().toString(36);
    const [first, second, added] = [`津补贴审批把关不严 ${stamp}`, `公务接待超标准 ${stamp}`, `公车私用 ${stamp}`];
    const caseTitle = `某局违规发放津补贴案 ${stamp}`;
    const rows = (secondUnit: string): Array<[string, string, string, string | null, Date | string]> => [
      [first, '财务审批流于形式', '县财政局', '王芳', new Date('2099-03-31T00:00:00Z')],
      [second, '接待清单缺失', secondUnit, null, '10个工作日'],
    ];

    const officer = await signIn('李明');
    await officer.page.getByRole('navigation').getByRole('link', { name: '批量导入', exact: true }).click();
    await officer.page.getByRole('heading', { name: '批量导入问题清单' }).waitFor();
    const before = await caseCount();

    // A unit nobody registered: the row is named with its reason, in Chinese, and nothing is created.
    await officer.page.getByLabel('问题清单文件（.xlsx 或 .csv）').setInputFiles(await workbook('问题清单.xlsx', rows('U-NOBODY')));
    const problems = officer.page.getByTestId('import-problems');
    await problems.getByText('第3行 · 责任单位 · 未登记的责任单位').waitFor();
    expect(await problems.getByTestId('import-problem').count()).toBe(1);
    expect(await officer.page.getByText(/was not imported/).count()).toBe(0);
    expect(await officer.page.getByRole('button', { name: '确认导入并立案' }).isDisabled()).toBe(true);
    await screenshot(officer, 'officer-import-bad-row');
    expect(await caseCount()).toBe(before);

    // The fixed file: previewed with the units by name and the deadlines resolved, then imported.
    await officer.page.getByLabel('问题清单文件（.xlsx 或 .csv）').setInputFiles(await workbook('问题清单（修改后）.xlsx', rows('U-FIN')));
    const preview = officer.page.getByTestId('import-preview');
    await preview.getByText(second).waitFor();
    expect(await preview.locator('tr', { hasText: first }).getByTitle('U-FIN').textContent()).toBe('县财政局');
    expect(await officer.page.getByTestId('import-problems').count()).toBe(0);
    await officer.page.getByLabel('案件名称').fill(caseTitle);
    await officer.page.getByLabel('案情').fill('巡察发现该局违规发放津补贴，财务审批流于形式。');
    await officer.page.getByLabel('案件来源').selectOption({ label: '巡视巡察' });
    await screenshot(officer, 'officer-import-preview');
    expect(await caseCount()).toBe(before);
    await officer.page.getByRole('button', { name: '确认导入并立案' }).click();
    await officer.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseCode = (await officer.page.locator('h1 .code').textContent()) as string;
    expect(caseCode).toMatch(/^ZG-\d{4}-\d{4}$/);
    await officer.page.getByRole('link', { name: first }).waitFor();
    await officer.page.getByRole('link', { name: second }).waitFor();
    expect(await caseCount()).toBe(before + 1);

    // One more finding on the open case, due in 10 working days.
    const form = officer.page.locator('form', { has: officer.page.getByRole('heading', { name: '补充问题' }) });
    await form.getByLabel('问题', { exact: true }).fill(added);
    await form.getByLabel('问题描述').fill('公务用车使用登记不全。');
    await form.getByLabel('责任单位').selectOption({ label: '县财政局（U-FIN）' });
    const due = form.getByRole('group', { name: '整改时限' });
    await due.getByLabel('按工作日').check();
    await due.getByLabel('整改时限（工作日数）').fill('10');
    await form.getByRole('button', { name: '添加问题' }).click();
    await form.getByText(`已添加问题：${added}`).waitFor();
    await officer.page.getByRole('link', { name: added }).waitFor();
    await screenshot(officer, 'officer-finding-added');

    // 责任单位 王芳 tells the findings apart by their case: its code and its name.
    const unit = await signIn('王芳');
    await unit.page.getByRole('heading', { name: '我的整改事项' }).waitFor();
    const card = unit.page.getByTestId('my-finding').filter({ hasText: added });
    await card
      .getByTestId('finding-case')
      .filter({ hasText: `${caseCode} ${caseTitle}` })
      .waitFor();
    await screenshot(unit, 'unit-finding-with-case');
    await card.getByRole('link', { name: added }).click();
    await unit.page.getByText(caseTitle).waitFor();

    expect([officer, unit].flatMap((desk) => desk.problems.map((problem) => `${desk.name}: ${problem}`))).toEqual([]);
  });
});
