import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConsoleBrowser, refreshUntil, type Desk } from '../support/console-browser';
import type { Stack } from '../support/stack';
import { bearer } from '../support/tokens';

describe('web console: a finding from opening to close-out, driven in Chromium', () => {
  let consoleBrowser: ConsoleBrowser | undefined;
  let stack: Stack | undefined;

  beforeAll(async () => {
    // Timers far away: this test watches people, not the clock. The demo register (SEED_DEMO) is what
    // the sign-in page's demo users and the case form's unit picker stand on.
    consoleBrowser = await ConsoleBrowser.start('lifecycle', {
      env: {
        POLICY_PLAN_DUE: 'PT1H',
        POLICY_APPROVAL_SLA: 'PT1H',
        POLICY_ESCALATION_STEP: 'PT1H',
        POLICY_REMIND_BEFORE: 'PT1S',
        SEED_DEMO: 'true',
      },
    });
    stack = consoleBrowser.stack;
  });

  afterAll(async () => {
    await consoleBrowser?.stop();
  });

  const signIn = (name: string): Promise<Desk> => (consoleBrowser as ConsoleBrowser).signIn(name);
  const screenshot = (desk: Desk, what: string) => (consoleBrowser as ConsoleBrowser).screenshot(desk, what);

  it('officer opens a case, the unit plans, a supervisor approves, the unit reports, another supervisor passes it, the officer sees it closed', async () => {
    const findingTitle = `津补贴审批把关不严 ${Date.now().toString(36)}`;

    // 纪检监察干部 opens a case (立案); the API's validation messages land beside the fields.
    const officer = await signIn('李明');
    await officer.page.getByRole('link', { name: '新建案件' }).click();
    await officer.page.getByRole('button', { name: '提交立案' }).click();
    await officer.page.getByText('请修正标出的字段后再提交。').waitFor();
    expect(await officer.page.getByLabel('案件名称').getAttribute('aria-invalid')).toBe('true');
    await screenshot(officer, 'officer-case-form-errors');
    await officer.page.getByLabel('案件名称').fill('某局违规发放津补贴案');
    await officer.page.getByLabel('案情').fill('巡察发现该局违规发放津补贴，财务审批流于形式。');
    await officer.page.getByLabel('问题', { exact: true }).fill(findingTitle);
    await officer.page.getByLabel('问题描述').fill('津补贴发放未经集体研究，审批单据不全。');
    // The unit is picked from the register by name, not typed as a code.
    const unitPicker = officer.page.getByLabel('责任单位');
    await unitPicker.selectOption({ label: '县财政局（U-FIN）' });
    expect(await unitPicker.inputValue()).toBe('U-FIN');
    await officer.page.getByLabel('责任人（选填）').fill('王芳');
    await officer.page.getByRole('button', { name: '提交立案' }).click();
    await officer.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = officer.page.url();
    await officer.page.getByRole('heading', { name: /ZG-\d{4}-\d{4}/ }).waitFor();
    await officer.page.getByRole('link', { name: findingTitle }).waitFor();
    // Names, not codes: the finding's unit and the case's opener.
    await officer.page.locator('tr', { hasText: findingTitle }).getByTitle('U-FIN').filter({ hasText: '县财政局' }).waitFor();
    await officer.page.getByTitle('officer-li').filter({ hasText: '李明' }).waitFor();
    await screenshot(officer, 'officer-case-opened');

    // 责任单位 sees what it owes and submits its plan (整改方案).
    const unit = await signIn('王芳');
    await unit.page.getByRole('heading', { name: '我的整改事项' }).waitFor();
    const card = unit.page.getByTestId('my-finding').filter({ hasText: findingTitle });
    await card.getByText(/^剩余 (29|30) 天/).waitFor();
    await screenshot(unit, 'unit-my-findings');
    await card.getByRole('link', { name: findingTitle }).click();
    await unit.page.getByLabel('整改方案（措施、责任分工与时间节点）').fill('建立津补贴发放双人复核制度，一个月内完成清退。');
    await unit.page.getByRole('button', { name: '提交方案' }).click();
    await unit.page.locator('h1 .badge', { hasText: '方案待审批' }).waitFor();

    // 监督审批人 approves it from the queue, with a comment.
    const supervisor = await signIn('赵强');
    await supervisor.page.getByRole('heading', { name: /审批队列/ }).waitFor();
    const queued = supervisor.page.getByRole('listitem', { name: findingTitle });
    await queued.getByText('整改方案审批').first().waitFor();
    await screenshot(supervisor, 'supervisor-approval-queue');
    await queued.getByRole('button', { name: '批准' }).click();
    await queued.getByText('请先填写审批意见。').waitFor();
    await queued.getByLabel('审批意见').fill('同意该整改方案。');
    await queued.getByRole('button', { name: '批准' }).click();
    await supervisor.page
      .getByRole('status')
      .filter({ hasText: `${findingTitle}：已处理。` })
      .waitFor();

    // The unit reports (整改报告) with one evidence file, uploaded with a progress bar; the server's digest is shown.
    const evidence = Buffer.from('%PDF-1.4\n% 津补贴发放双人复核制度（试行）\n%%EOF\n');
    await refreshUntil(unit, () => unit.page.locator('h1 .badge', { hasText: '整改中' }).isVisible());
    await unit.page.getByLabel('整改报告（完成情况）').fill('已追回违规款项，修订制度并组织学习。');
    await unit.page
      .getByLabel('选择文件上传（可多选）')
      .setInputFiles({ name: '复核制度.pdf', mimeType: 'application/pdf', buffer: evidence });
    const digest = createHash('sha256').update(evidence).digest('hex');
    const uploaded = unit.page.getByRole('list', { name: '已上传的证据' });
    await uploaded
      .getByTitle(digest)
      .filter({ hasText: `${digest.slice(0, 12)}…` })
      .waitFor();
    await uploaded.getByText('复核制度.pdf', { exact: true }).waitFor();
    await screenshot(unit, 'unit-report-with-evidence');
    await unit.page.getByRole('button', { name: '提交报告' }).click();
    await unit.page.locator('h1 .badge', { hasText: '待验收' }).waitFor();

    // A different supervisor verifies it (验收) and closes it out (销号).
    const verifier = await signIn('孙丽');
    const toVerify = verifier.page.getByRole('listitem', { name: findingTitle });
    await toVerify.getByText('验收销号').first().waitFor();
    await toVerify.getByLabel('审批意见').fill('整改到位，验收通过。');
    await screenshot(verifier, 'supervisor-verification');
    await toVerify.getByRole('button', { name: '验收通过，予以销号' }).click();
    await verifier.page
      .getByRole('status')
      .filter({ hasText: `${findingTitle}：已处理。` })
      .waitFor();
    await verifier.page.getByText('审批队列为空。').waitFor();

    // The officer sees the case closed (已办结), after a reload of the case's own address too.
    await officer.page.goto(caseUrl);
    await refreshUntil(officer, async () => (await officer.page.getByTestId('case-status').textContent()) === '已办结');
    await officer.page.locator('tr', { hasText: findingTitle }).getByText('已销号').waitFor();
    await screenshot(officer, 'officer-case-closed');
    await officer.page.getByRole('link', { name: findingTitle }).click();
    const timeline = officer.page.getByRole('list', { name: '时间线' });
    await timeline.getByText('销号', { exact: true }).waitFor();
    // Each step names who took it, from the people register.
    await timeline.getByTitle('unit-wang').filter({ hasText: '王芳' }).first().waitFor();
    await timeline.getByTitle('sup-sun').filter({ hasText: '孙丽' }).first().waitFor();
    // The report's evidence is a link: fetched with the token, saved under its own name, the same bytes.
    const [saved] = await Promise.all([
      officer.page.waitForEvent('download'),
      timeline.getByRole('link', { name: '复核制度.pdf' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe('复核制度.pdf');
    expect(await readFile(await saved.path())).toEqual(evidence);
    // No rung of the ladder was reached, so no document was issued.
    await officer.page.getByRole('heading', { name: '文书' }).waitFor();
    await officer.page.getByText('暂无文书。').waitFor();
    await screenshot(officer, 'officer-finding-timeline');

    // The supervisor's dashboard and ledger, and the English switch.
    await verifier.page.getByRole('link', { name: '统计' }).click();
    await verifier.page.getByRole('region', { name: '各责任单位整改完成率' }).locator('svg').first().waitFor();
    await screenshot(verifier, 'supervisor-dashboard');
    await verifier.page.getByRole('link', { name: '台账' }).click();
    await verifier.page.getByRole('heading', { name: '整改台账' }).waitFor();
    await verifier.page.locator('tr', { hasText: findingTitle }).getByText('已销号').waitFor();
    await screenshot(verifier, 'supervisor-ledger');
    const [csv] = await Promise.all([
      verifier.page.waitForEvent('download'),
      verifier.page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(await readFile(await csv.path(), 'utf8')).toContain(findingTitle);
    await verifier.page.getByRole('button', { name: 'Switch to English' }).click();
    await verifier.page.getByRole('link', { name: 'Dashboard' }).click();
    await verifier.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await screenshot(verifier, 'supervisor-dashboard-en');

    // 系统管理员 keeps the registers and sees no findings: the org tree, a unit's form, the people.
    const admin = await signIn('刘洋');
    await admin.page.getByRole('heading', { name: '组织机构', exact: true }).waitFor();
    expect(await admin.page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).toEqual([
      '组织机构',
      '人员',
      '通知投递',
    ]);
    const tree = admin.page.getByRole('list', { name: '机构树' });
    for (const name of ['县纪委监委', '第一纪检监察室', '派驻第一纪检监察组', '城关镇纪委', '县财政局']) {
      await tree.getByRole('button', { name, exact: true }).waitFor();
    }
    await tree.getByRole('button', { name: '县财政局', exact: true }).click();
    await admin.page.getByRole('heading', { name: '编辑“县财政局”' }).waitFor();
    await screenshot(admin, 'admin-org-tree');
    await admin.page.getByRole('link', { name: '人员' }).click();
    await admin.page.getByRole('button', { name: '编辑“王芳”' }).waitFor();
    await screenshot(admin, 'admin-people');
    await admin.page.getByRole('link', { name: '通知投递' }).click();
    await admin.page.getByRole('heading', { name: '通知投递' }).waitFor();
    await screenshot(admin, 'admin-deliveries');

    // Nothing went wrong in any browser: no script errors, no Content-Security-Policy violations.
    expect(
      [officer, unit, supervisor, verifier, admin].flatMap((desk) => desk.problems.map((problem) => `${desk.name}: ${problem}`)),
    ).toEqual([]);
  }, 420_000);

  it('an overdue finding: its 督办通知书 is listed for unit and supervisor, previewed, and downloaded as PDF and DOCX', async () => {
    const title = `公务接待超标准 ${Date.now().toString(36)}`;
    // Due in two seconds: the first rung of the ladder issues the supervision notice at the deadline.
    const opened = await fetch((stack as Stack).url('/api/v1/cases'), {
      method: 'POST',
      headers: {
        ...bearer({ sub: 'officer-li', name: '李明', roles: ['officer'], orgUnitId: 'OFF-1' }),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        title: '某局公务接待超标准案',
        summary: '审计发现该局公务接待多次超出标准。',
        source: 'inspection',
        findings: [{ title, description: '接待清单与审批单不符。', unitId: 'U-FIN', dueAt: new Date(Date.now() + 2_000).toISOString() }],
      }),
    });
    expect(opened.status).toBe(201);
    const { findings } = (await opened.json()) as { findings: Array<{ id: string }> };
    const findingUrl = (stack as Stack).url(`/findings/${findings[0].id}`);

    const supervisor = await signIn('赵强');
    await supervisor.page.goto(findingUrl);
    const notice = supervisor.page.getByRole('listitem', { name: /^督办通知书 纪督〔\d{4}〕\d+号$/ });
    await refreshUntil(supervisor, () => notice.isVisible());
    const docNo = (await notice.getByText(/^纪督〔\d{4}〕\d+号$/).textContent()) as string;
    await screenshot(supervisor, 'supervisor-finding-documents');
    const [pdf] = await Promise.all([supervisor.page.waitForEvent('download'), notice.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [docx] = await Promise.all([supervisor.page.waitForEvent('download'), notice.getByRole('button', { name: '下载 DOCX' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    // A DOCX is a zip: its first bytes are the local file header's signature.
    expect((await readFile(await docx.path())).subarray(0, 2).toString('latin1')).toBe('PK');
    await notice.getByRole('button', { name: '预览' }).click();
    const frame = supervisor.page.locator('.document-preview iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await screenshot(supervisor, 'supervisor-document-preview');
    await supervisor.page.getByRole('button', { name: '关闭预览' }).click();
    await frame.waitFor({ state: 'detached' });

    // The unit it is addressed to sees the same document on its finding.
    const unit = await signIn('王芳');
    await unit.page.goto(findingUrl);
    await unit.page.getByRole('listitem', { name: `督办通知书 ${docNo}` }).waitFor();
    await screenshot(unit, 'unit-finding-documents');

    // The 督办 notice is in the liaison's inbox: the bell counts it, the list links to the finding, opening it reads it.
    const bell = unit.page.getByTestId('inbox-bell');
    await refreshUntil(unit, async () => /条未读/.test((await bell.getAttribute('aria-label')) ?? ''));
    await bell.click();
    await unit.page.getByRole('heading', { name: /^通知/, level: 1 }).waitFor();
    const entry = unit.page.getByTestId('inbox-item').filter({ hasText: `督办通知：${title}` });
    await entry.waitFor();
    await screenshot(unit, 'unit-inbox');
    const before = (await bell.getAttribute('aria-label')) as string;
    await entry.getByRole('link', { name: `督办通知：${title}` }).click();
    await unit.page.waitForURL(findingUrl);
    await refreshUntil(unit, async () => (await bell.getAttribute('aria-label')) !== before);

    expect([supervisor, unit].flatMap((desk) => desk.problems.map((problem) => `${desk.name}: ${problem}`))).toEqual([]);
  }, 180_000);

  it('officer drafts a 建议书 on a case, a supervisor signs it off, the unit signs for it and replies with a plan per item', async () => {
    const stamp = Date.now().toString(36);
    const [first, second] = [`津补贴发放无审批依据 ${stamp}`, `财务人员岗位未轮换 ${stamp}`];
    const opened = await fetch((stack as Stack).url('/api/v1/cases'), {
      method: 'POST',
      headers: {
        ...bearer({ sub: 'officer-li', name: '李明', roles: ['officer'], orgUnitId: 'OFF-1' }),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        title: `某局违规发放津补贴案 ${stamp}`,
        summary: '巡察发现违规发放津补贴。',
        source: 'inspection',
        findings: [
          {
            title: `另一个问题 ${stamp}`,
            description: '待整改',
            unitId: 'U-FIN',
            dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          },
        ],
      }),
    });
    expect(opened.status).toBe(201);
    const { id: caseId } = (await opened.json()) as { id: string };

    // 起草: the recipient from the register, the reply deadline in working days, two items.
    const officer = await signIn('李明');
    await officer.page.goto((stack as Stack).url(`/cases/${caseId}`));
    await officer.page.getByRole('link', { name: '起草建议书' }).click();
    await officer.page.getByLabel('主送单位').selectOption({ label: '县财政局（U-FIN）' });
    const reply = officer.page.getByRole('group', { name: '回复时限' });
    await reply.getByLabel('按工作日').check();
    await reply.getByLabel('回复时限（工作日数）').fill('10');
    await officer.page.getByLabel('建议书标题').fill(`关于规范津补贴发放管理的纪检监察建议 ${stamp}`);
    await officer.page.getByLabel('问题成因').fill('财务审批制度执行不严\n内部监督流于形式');
    await officer.page.getByLabel('整改建议').fill('健全津补贴审批制度\n开展专项清理');
    await officer.page.getByRole('button', { name: '添加问题' }).click();
    for (const [index, title] of [first, second].entries()) {
      const item = officer.page.getByRole('group', { name: `问题 ${index + 1}` });
      await item.getByLabel('问题', { exact: true }).fill(title);
      await item.getByLabel('问题描述').fill('津补贴发放未经集体研究。');
      const due = item.getByRole('group', { name: '整改时限' });
      await due.getByLabel('按工作日').check();
      await due.getByLabel('整改时限（工作日数）').fill('40');
    }
    // Playwright's full-page screenshot resizes the page and back; a click right after it can land
    // 20 px off once focus moves (Chromium re-clamps the scroll). The draft is pictured once saved.
    await officer.page.getByRole('button', { name: '保存草稿' }).click();
    await officer.page.waitForURL(/\/recommendations\/[0-9a-f-]{36}$/);
    await screenshot(officer, 'officer-recommendation-draft');
    const recommendationUrl = officer.page.url();
    await officer.page.getByRole('button', { name: '提交审核' }).click();
    await officer.page.getByText('待签发').first().waitFor();

    // 审核签发, from the approvals queue.
    const supervisor = await signIn('赵强');
    await supervisor.page.getByRole('link', { name: '审批队列' }).first().click();
    await supervisor.page.getByRole('link', { name: `关于规范津补贴发放管理的纪检监察建议 ${stamp}` }).click();
    await supervisor.page.getByRole('button', { name: '签发', exact: true }).click();
    await supervisor.page
      .getByText(/纪建〔\d{4}〕\d+号/)
      .first()
      .waitFor();
    await screenshot(supervisor, 'supervisor-recommendation-issued');

    // 签收 and 书面回复 with one plan per item, on one screen.
    const unit = await signIn('王芳');
    await unit.page
      .getByRole('link', { name: `关于规范津补贴发放管理的纪检监察建议 ${stamp}` })
      .first()
      .click();
    await unit.page.getByLabel('签收人姓名').fill('王芳');
    await unit.page.getByRole('button', { name: '确认签收' }).click();
    await unit.page.getByLabel('回复内容').fill('我局高度重视，逐项整改。');
    await unit.page.getByLabel('签发人（单位主要负责人）').fill('王芳');
    await unit.page.getByLabel(`整改方案：${first}`).fill('清理津补贴项目，无依据的一律停发。');
    await unit.page.getByLabel(`整改方案：${second}`).fill('建立财务岗位定期轮岗制度。');
    await screenshot(unit, 'unit-recommendation-reply');
    await unit.page.getByRole('button', { name: '提交书面回复' }).click();
    await unit.page.getByText('我局高度重视，逐项整改。').waitFor();
    await screenshot(unit, 'unit-recommendation-replied');

    const answered = await fetch(`${recommendationUrl.replace('/recommendations/', '/api/v1/recommendations/')}`, {
      headers: bearer({ sub: 'audit-chen', roles: ['auditor'] }),
    });
    const body = (await answered.json()) as { status: string; findingIds: string[] };
    expect(body.status).toBe('REPLIED');
    expect(body.findingIds).toHaveLength(2);
    expect([officer, supervisor, unit].flatMap((desk) => desk.problems.map((problem) => `${desk.name}: ${problem}`))).toEqual([]);
  }, 180_000);
});
