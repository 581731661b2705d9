import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, type Desk } from '../support/console-browser';
import { bearer } from '../support/tokens';

// Evaluated rather than added as a <script>: the console's CSP (script-src 'self') rightly refuses inline scripts.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const OFFICER = { sub: 'officer-li', name: '李明', roles: ['officer'], orgUnitId: 'OFF-1' };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical findings on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const { violations, rulesRun } = await page.evaluate<{ violations: AxeViolation[]; rulesRun: number }>(
    'axe.run(document).then((result) => ({ violations: result.violations, rulesRun: result.passes.length + result.violations.length }))',
  );
  // A check that ran no rules (axe not loaded, an empty page) would pass anything.
  expect(rulesRun).toBeGreaterThan(20);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Text of the page's main region that is in Latin letters: an English sentence leaking into a Chinese screen. */
async function englishIn(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  // Codes (ZG-2026-0001, U-FIN), file names and the language button are fine; words of three letters or more in a row are not.
  return text.match(/[A-Za-z]{3,}(?:\s+[A-Za-z]{2,})+/g) ?? [];
}

describe('web console as a county office uses it: Beijing time in any browser, Chinese refusals, both languages, accessible views', () => {
  let consoleBrowser: ConsoleBrowser;
  let caseId: string;
  let findingId: string;
  // 18:00 Beijing time on a day well ahead: 10:00 UTC, 05:00 in New York (EST).
  const due = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 15, 10, 0)).toISOString();

  beforeAll(async () => {
    consoleBrowser = await ConsoleBrowser.start('office', {
      env: { SEED_DEMO: 'true', POLICY_PLAN_DUE: 'PT1H', POLICY_APPROVAL_SLA: 'PT1H', POLICY_ESCALATION_STEP: 'PT1H' },
    });
    const opened = await fetch(consoleBrowser.stack.url('/api/v1/cases'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(OFFICER) },
      body: JSON.stringify({
        title: '某局公务接待超标准案',
        summary: '巡察发现该局公务接待超标准。',
        source: 'inspection',
        findings: [{ title: '公务接待超标准', description: '接待未按标准执行。', unitId: 'U-FIN', dueAt: due }],
      }),
    });
    expect(opened.status).toBe(201);
    const body = (await opened.json()) as { id: string; findings: Array<{ id: string }> };
    caseId = body.id;
    findingId = body.findings[0].id;
  });

  afterAll(() => consoleBrowser?.stop());

  async function problemsOf(desk: Desk): Promise<void> {
    expect(desk.problems).toEqual([]);
    await desk.page.context().close();
  }

  it.each(['UTC', 'America/New_York', 'Asia/Shanghai'])(
    'shows the deadline at 18:00 Beijing time in a browser set to %s, and takes times on that clock',
    async (zone) => {
      const officer = await consoleBrowser.signIn('李明', { timezoneId: zone });
      expect(await officer.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
      await officer.page.getByTestId('time-zone').filter({ hasText: '时间均为北京时间' }).waitFor();
      await officer.page.goto(consoleBrowser.stack.url(`/findings/${findingId}`));
      const deadline = officer.page
        .locator('dl.facts dt', { hasText: /^整改时限$/ })
        .first()
        .locator('xpath=following-sibling::dd[1]');
      expect(await deadline.innerText()).toMatch(/^\d{4}年1月15日 18:00/);
      // The ledger shows the same moment as the CSV does.
      await officer.page.goto(consoleBrowser.stack.url('/ledger'));
      const row = officer.page.locator('tr', { hasText: '公务接待超标准' });
      expect(await row.innerText()).toContain('18:00');
      // A time typed into a form is read as Beijing time, whatever the browser's zone: the API receives 10:00 UTC.
      await officer.page.goto(consoleBrowser.stack.url('/cases/new'));
      await officer.page.getByLabel('整改时限').fill('2031-03-01T18:00');
      const sent = officer.page.waitForRequest((request) => request.url().endsWith('/api/v1/cases') && request.method() === 'POST');
      await officer.page.getByRole('button', { name: '提交立案' }).click();
      const findings = ((await sent).postDataJSON() as { findings: Array<{ dueAt: string }> }).findings;
      expect(findings[0].dueAt).toBe('2031-03-01T10:00:00.000Z');
      if (zone === 'America/New_York') await consoleBrowser.screenshot(officer, 'new-york-browser-case-form');
      await problemsOf(officer);
    },
  );

  it('words every refusal in Chinese beside its field, and in English after switching the language', async () => {
    const officer = await consoleBrowser.signIn('李明');
    await officer.page.getByRole('link', { name: '新建案件' }).click();
    await officer.page.getByLabel('整改时限').fill('2001-01-01T18:00');
    await officer.page.getByRole('button', { name: '提交立案' }).click();
    await officer.page.getByText('请修正标出的字段后再提交。').waitFor();
    const describedBy = async (label: string) => {
      const id = await officer.page.getByLabel(label, { exact: true }).first().getAttribute('aria-describedby');
      return officer.page.locator(`[id="${id?.split(' ').find((part) => part.endsWith('-error'))}"]`).innerText();
    };
    expect(await describedBy('案件名称')).toBe('不能为空。');
    expect(await describedBy('整改时限')).toBe('须晚于当前时间。');
    expect(await describedBy('责任单位')).toBe('不能为空。');
    expect(await englishIn(officer.page)).toEqual([]);
    await consoleBrowser.screenshot(officer, 'refusal-in-chinese');

    await officer.page.getByRole('button', { name: 'Switch to English' }).click();
    await officer.page.getByRole('heading', { name: 'Open a case' }).waitFor();
    await officer.page.getByRole('button', { name: 'Open the case' }).click();
    await officer.page.getByText('Please correct the marked fields and submit again.').waitFor();
    expect(await describedBy('Case')).toBe('must not be empty.');
    await consoleBrowser.screenshot(officer, 'refusal-in-english');
    await officer.page.getByRole('button', { name: '切换到中文' }).click();
    await officer.page.getByRole('heading', { name: '新建案件' }).waitFor();
    await problemsOf(officer);
  });

  it('has no serious accessibility violation on any main view, in either language', async () => {
    const views: Array<[string, string[]]> = [
      [
        '李明',
        [
          '/cases/new',
          '/cases',
          `/cases/${caseId}`,
          `/findings/${findingId}`,
          '/recommendations',
          '/interviews',
          '/escalations',
          '/ledger',
          '/dashboard',
          '/inbox',
        ],
      ],
      ['王芳', ['/my', `/findings/${findingId}`, '/recommendations', '/ledger']],
      ['孙丽', ['/approvals', '/ops/notifications']],
      ['刘洋', ['/org', '/people']],
    ];
    const found: string[] = [];
    for (const [name, paths] of views) {
      const desk = await consoleBrowser.signIn(name);
      for (const [index, path] of paths.entries()) {
        await desk.page.goto(consoleBrowser.stack.url(path));
        await desk.page.locator('main h1').first().waitFor();
        await desk.page.waitForLoadState('networkidle');
        for (const violation of await seriousViolations(desk.page)) found.push(`${name} ${path}: ${violation}`);
        if (index === 0) {
          await desk.page.getByRole('button', { name: 'Switch to English' }).click();
          await desk.page.waitForLoadState('networkidle');
          for (const violation of await seriousViolations(desk.page)) found.push(`${name} ${path} (English): ${violation}`);
          await desk.page.getByRole('button', { name: '切换到中文' }).click();
        }
        const view = path
          .replace(/[0-9a-f-]{36}/, 'id')
          .split('/')
          .filter(Boolean)
          .join('-');
        await consoleBrowser.screenshot(desk, `${view}-${name}`);
      }
      await problemsOf(desk);
    }
    expect(found).toEqual([]);
  });

  it('is operated by keyboard alone: a skip link, visible focus, and the sign-in reached by Tab', async () => {
    const desk = await consoleBrowser.open('键盘用户');
    await desk.page
      .getByRole('button', { name: /^以“.+”身份登录$/ })
      .first()
      .waitFor();
    await desk.page.keyboard.press('Tab');
    const focusedText = () =>
      desk.page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''");
    expect(await focusedText()).toBe('跳到主要内容');
    // Tab onward to the first demo sign-in button and press Enter: signed in without a mouse.
    for (let presses = 0; presses < 30; presses += 1) {
      if ((await focusedText()).startsWith('以“')) break;
      await desk.page.keyboard.press('Tab');
    }
    const focused = await desk.page.evaluate<{ text: string; outline: boolean }>(`(() => {
      const style = getComputedStyle(document.activeElement);
      return { text: document.activeElement.getAttribute('aria-label') ?? document.activeElement.textContent ?? '', outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
    })()`);
    expect(focused.text).toMatch(/^以“.+”身份登录$/);
    expect(focused.outline).toBe(true);
    await desk.page.keyboard.press('Enter');
    await desk.page.getByTestId('who').waitFor();
    await problemsOf(desk);
  });
});
