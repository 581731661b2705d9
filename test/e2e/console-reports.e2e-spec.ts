import type { FindingsSummary, OverdueAgeing, TimeToClose, Trend } from '@reform/contracts';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, type Desk } from '../support/console-browser';
import { Api, as, IN_A_DAY, inMs, Steps, unitUser, uniqueText } from '../support/contract';

/** 赵强 at the root commission: he sees every finding, as the console's 赵强 does. */
const ZHAO = as({ sub: 'sup-zhao', name: '赵强', roles: ['supervisor'], orgUnitId: 'ROOT' });
const UNIT_NAMES: Record<string, string> = { 'U-FIN': '县财政局', 'U-HR': '县人力资源和社会保障局', 'U-EDU': '县教育局' };
const CHARTS = ['trend-chart', 'ageing-chart', 'close-time-chart', 'completion-chart'];

/** A chart's 数据表 as text, row by row (its header row left out). */
async function tableOf(page: Page, chart: string): Promise<string[][]> {
  const rows = await page.locator(`[data-testid="${chart}"] table tbody tr`).all();
  return Promise.all(rows.map((row) => row.locator('th, td').allTextContents()));
}

const oneDecimal = (days: number | null) => (days === null ? '—' : String(Math.round(days * 10) / 10));

/** Titles in the ledger's 问题 column, in order. */
const ledgerTitles = (page: Page): Promise<string[]> => page.locator('table.ledger tbody td:nth-child(4)').allTextContents();

/**
 * How the ledger sits in the window, measured in the page (a string: the tests' tsconfig has no DOM
 * types): the page's and the table region's sideways overflow, and the headings that are clipped.
 */
const LEDGER_FIT = `(() => {
  const region = document.querySelector('.table-scroll');
  const table = document.querySelector('table.ledger').getBoundingClientRect();
  const headers = Array.from(document.querySelectorAll('table.ledger th'));
  return {
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    regionOverflow: region.scrollWidth - region.clientWidth,
    regionLabel: region.getAttribute('aria-label'),
    regionFocusable: region.tabIndex === 0,
    clipped: headers
      .filter((th) => {
        const box = th.getBoundingClientRect();
        return th.scrollWidth > th.clientWidth || box.left < table.left - 0.5 || box.right > table.right + 0.5;
      })
      .map((th) => th.textContent),
    headers: headers.map((th) => th.textContent),
  };
})()`;

interface LedgerFit {
  page: number;
  viewport: number;
  regionOverflow: number;
  regionLabel: string | null;
  regionFocusable: boolean;
  clipped: string[];
  headers: string[];
}

describe('web console: the 统计 charts and the 台账 as a county office uses them, in Chromium', () => {
  let consoleBrowser: ConsoleBrowser;
  let api: Api;
  const titles = {
    open: uniqueText('津补贴审批把关不严'),
    late: uniqueText('公务接待超标准'),
    closed: uniqueText('岗位未轮换'),
    edu: uniqueText('食堂采购不规范'),
  };

  beforeAll(async () => {
    consoleBrowser = await ConsoleBrowser.start('reports', {
      env: { SEED_DEMO: 'true', POLICY_PLAN_DUE: 'PT1H', POLICY_APPROVAL_SLA: 'PT1H', POLICY_ESCALATION_STEP: 'PT1H' },
    });
    api = new Api(consoleBrowser.stack.url(''));
    const steps = new Steps(api);
    // Four findings of three units: one goes overdue in two seconds, one is closed out at once.
    const opened = await steps.openCase([
      { unitId: 'U-FIN', title: titles.open, dueAt: inMs(30 * IN_A_DAY) },
      { unitId: 'U-FIN', title: titles.late, dueAt: inMs(2_000) },
      { unitId: 'U-HR', title: titles.closed, dueAt: inMs(30 * IN_A_DAY) },
      { unitId: 'U-EDU', title: titles.edu, dueAt: inMs(30 * IN_A_DAY) },
    ]);
    const byTitle = new Map(opened.findings.map((finding) => [finding.title, finding.id]));
    await steps.toClosed(byTitle.get(titles.closed) as string, unitUser('U-HR', 'unit-zhou'));
    const late = byTitle.get(titles.late) as string;
    const deadline = Date.now() + 60_000;
    while (!(await steps.finding(late)).body.overdue) {
      if (Date.now() > deadline) throw new Error('the finding did not go overdue within a minute');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 300_000);

  afterAll(async () => {
    await consoleBrowser?.stop();
  });

  const apiGet = async <T>(path: string): Promise<T> => {
    const answer = await api.get<T>(path, ZHAO);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const noProblems = (...desks: Desk[]) => expect(desks.flatMap((desk) => desk.problems.map((p) => `${desk.name}: ${p}`))).toEqual([]);

  it('统计 draws the four charts as SVG, their 数据表 hold what the API answers, and on paper only the content is left', async () => {
    const desk = await consoleBrowser.signIn('赵强');
    const { page } = desk;
    await page.getByRole('link', { name: '统计' }).click();
    await page.getByRole('heading', { name: '统计概览', level: 1 }).waitFor();
    for (const chart of CHARTS) {
      await page.locator(`[data-testid="${chart}"] [data-testid="echart"] svg`).waitFor();
      expect(await page.locator(`[data-testid="${chart}"] svg path`).count()).toBeGreaterThan(0);
    }
    await page.getByRole('heading', { name: '问题新增、销号与逾期趋势' }).waitFor();

    // The period the page shows is the one it asks for: the months of the two pickers.
    const from = await page.getByLabel('起始月份').inputValue();
    const to = await page.getByLabel('截止月份').inputValue();
    expect(from).toMatch(/^\d{4}-\d{2}$/);
    const lastDay = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate();
    const period = `from=${from}-01&to=${to}-${String(lastDay).padStart(2, '0')}`;

    const trend = await apiGet<Trend>(`/api/v1/reports/trend?${period}`);
    expect(trend.months).toHaveLength(12);
    expect(trend.months.at(-1)).toMatchObject({ opened: 4, closed: 1, overdue: 1 });
    expect(await tableOf(page, 'trend-chart')).toEqual(
      trend.months.map((m) => [m.month, String(m.opened), String(m.closed), String(m.overdue)]),
    );

    const ageing = await apiGet<OverdueAgeing>('/api/v1/reports/overdue-ageing');
    expect(ageing.total).toBe(1);
    expect(await tableOf(page, 'ageing-chart')).toEqual([
      ['7 天以内', String(ageing.upTo7)],
      ['8–30 天', String(ageing.upTo30)],
      ['31–90 天', String(ageing.upTo90)],
      ['90 天以上', String(ageing.over90)],
      ['逾期合计', String(ageing.total)],
    ]);

    const closeTimes = await apiGet<TimeToClose>(`/api/v1/reports/time-to-close?${period}`);
    expect(closeTimes.closed).toBe(1);
    const closedUnits = closeTimes.byUnit.filter((unit) => unit.closed > 0);
    expect(await tableOf(page, 'close-time-chart')).toEqual([
      [
        '全部单位',
        String(closeTimes.closed),
        oneDecimal(closeTimes.p50Days),
        oneDecimal(closeTimes.p75Days),
        oneDecimal(closeTimes.p90Days),
      ],
      ...closedUnits.map((unit) => [
        UNIT_NAMES[unit.unitId],
        String(unit.closed),
        oneDecimal(unit.p50Days),
        oneDecimal(unit.p75Days),
        oneDecimal(unit.p90Days),
      ]),
    ]);

    // Completion rate: units by name, highest first — 人社局 closed its one, 财政局 and 教育局 none.
    const summary = await apiGet<FindingsSummary>('/api/v1/reports/summary');
    const completion = await tableOf(page, 'completion-chart');
    expect(completion.map((row) => row[0])[0]).toBe('县人力资源和社会保障局');
    expect(completion).toHaveLength(summary.byUnit.filter((unit) => unit.total > 0).length);
    for (const unit of summary.byUnit.filter((u) => u.total > 0)) {
      const rate = `${Math.round((unit.closed / unit.total) * 1000) / 10}%`;
      expect(completion).toContainEqual([UNIT_NAMES[unit.unitId], String(unit.closed), String(unit.total), rate]);
    }
    await consoleBrowser.screenshot(desk, 'dashboard');

    // On paper: no nav, no button, no filters; the title with when it was printed; charts as wide as A4 allows.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.main-nav').isVisible()).toBe(false);
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await page.locator('.printed-at').textContent()).toMatch(/^以案促改 · 打印时间：/);
    await page.locator('[data-testid="trend-chart"] svg[width="640"]').waitFor();
    await consoleBrowser.screenshot(desk, 'dashboard-print');
    await page.emulateMedia({ media: 'screen' });
    await page.locator('[data-testid="trend-chart"] svg:not([width="640"])').first().waitFor();
    noProblems(desk);
  }, 180_000);

  it('a ledger filtered through its form has the filters in the address: a reload, a shared link and back show the same rows', async () => {
    const desk = await consoleBrowser.signIn('赵强');
    const { page } = desk;
    await page.getByRole('link', { name: '台账' }).click();
    await page.locator('table.ledger').waitFor();
    await page.getByLabel('责任单位').selectOption('U-FIN');
    await page.getByLabel('是否逾期').selectOption('true');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/ledger\?unitId=U-FIN&overdue=true$/);
    await page.getByText('共 1 条').waitFor();
    expect(await ledgerTitles(page)).toEqual([titles.late]);
    const filtered = page.url();

    await page.reload();
    await page.getByText('共 1 条').waitFor();
    expect(await ledgerTitles(page)).toEqual([titles.late]);
    expect(await page.getByLabel('责任单位').inputValue()).toBe('U-FIN');
    expect(await page.getByLabel('是否逾期').inputValue()).toBe('true');

    // Someone else opens the shared link.
    const auditor = await consoleBrowser.signIn('陈静');
    await auditor.page.goto(filtered);
    await auditor.page.getByText('共 1 条').waitFor();
    expect(await ledgerTitles(auditor.page)).toEqual([titles.late]);

    // Into the finding and back: the same filtered ledger.
    await page.getByRole('link', { name: titles.late }).click();
    await page.waitForURL(/\/findings\//);
    await page.goBack();
    await page.waitForURL(filtered);
    await page.getByText('共 1 条').waitFor();
    expect(await ledgerTitles(page)).toEqual([titles.late]);
    noProblems(desk, auditor);
  }, 120_000);

  it('the English ledger fits a 1366 px screen: no sideways scrolling, no heading clipped; on paper only the table is left', async () => {
    const desk = await consoleBrowser.signIn('赵强');
    const { page } = desk;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Ledger' }).click();
    await page.getByRole('heading', { name: 'Ledger', level: 1 }).waitFor();
    await page.locator('table.ledger tbody tr').first().waitFor();
    expect(await ledgerTitles(page)).toEqual(expect.arrayContaining(Object.values(titles)));

    const fit = (await page.evaluate(LEDGER_FIT)) as LedgerFit;
    expect(fit.headers).toContain('Responsible person');
    expect(fit.page).toBeLessThanOrEqual(1366);
    expect(fit.page).toBeLessThanOrEqual(fit.viewport);
    expect(fit.regionOverflow).toBeLessThanOrEqual(0);
    expect(fit.clipped).toEqual([]);
    expect(fit).toMatchObject({ regionLabel: 'Ledger table (scrolls sideways)', regionFocusable: true });
    await consoleBrowser.screenshot(desk, 'ledger-en');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.main-nav').isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await page.evaluate("getComputedStyle(document.querySelector('table.ledger thead')).display")).toBe('table-header-group');
    expect(await page.locator('.printed-at').textContent()).toMatch(/printed/);
    await consoleBrowser.screenshot(desk, 'ledger-en-print');
    noProblems(desk);
  }, 120_000);
});
