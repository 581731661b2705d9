import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecommendationView } from '../api/types';
import { fakeApi, finding, hoursFromNow, recommendation, renderAs, USERS } from '../testing/render';
import { MyFindings } from './my-findings';

const items = [
  finding({ id: 'later', title: '十天后到期', dueAt: hoursFromNow(24 * 10 + 5.5), status: 'RECTIFYING' }),
  finding({ id: 'closed', title: '已经销号', dueAt: hoursFromNow(-200), status: 'CLOSED', closedAt: hoursFromNow(-100) }),
  finding({ id: 'late', title: '已经逾期', dueAt: hoursFromNow(-(24 * 2 + 3.5)), status: 'RECTIFYING', overdue: true, escalationLevel: 1 }),
  finding({ id: 'soon', title: '明天到期', dueAt: hoursFromNow(20.5) }),
  finding({ id: 'passed', title: '刚过时限', dueAt: hoursFromNow(-0.5), status: 'PLAN_SUBMITTED', overdue: false }),
  finding({ id: 'reported', title: '报告已交', dueAt: hoursFromNow(-5), status: 'REPORT_SUBMITTED', pendingApproval: 'verification' }),
];

const cards = () => screen.getAllByTestId('my-finding');
const card = (title: string) => cards().find((element) => element.textContent?.includes(title)) as HTMLElement;

describe('MyFindings', () => {
  it('lists open findings by deadline, closed-out ones after', async () => {
    renderAs(USERS.unit, fakeApi({ 'GET /findings': { items, total: items.length } }), <MyFindings />);
    await waitFor(() => expect(cards()).toHaveLength(6));
    expect(cards().map((element) => element.querySelector('a')?.textContent)).toEqual([
      '已经逾期',
      '报告已交',
      '刚过时限',
      '明天到期',
      '十天后到期',
      '已经销号',
    ]);
    expect(screen.getByRole('heading', { name: '待整改 (5)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '已销号 (1)' })).toBeTruthy();
  });

  it('counts down to each deadline and marks overdue ones', async () => {
    renderAs(USERS.unit, fakeApi({ 'GET /findings': { items, total: items.length } }), <MyFindings />);
    await waitFor(() => expect(cards()).toHaveLength(6));

    expect(within(card('十天后到期')).getByText('剩余 10 天 5 小时')).toBeTruthy();
    expect(within(card('明天到期')).getByText('剩余 20 小时 29 分钟').className).toContain('soon');
    expect(within(card('已经逾期')).getByText('已逾期 2 天 3 小时')).toBeTruthy();
    expect(card('已经逾期').className).toContain('overdue');
    expect(within(card('已经逾期')).getByText('督办')).toBeTruthy();
    // Past its deadline since the server last looked: marked at once, not at the next refresh.
    expect(card('刚过时限').className).toContain('overdue');
    expect(within(card('刚过时限')).getByText(/^已逾期 (29|30) 分钟$/)).toBeTruthy();
    // A report in time stops the clock; a closed-out finding has none.
    expect(card('报告已交').className).not.toContain('overdue');
    expect(card('报告已交').querySelector('.countdown')).toBeNull();
    expect(card('已经销号').querySelector('.countdown')).toBeNull();
  });

  it('speaks English when asked', async () => {
    renderAs(USERS.unit, fakeApi({ 'GET /findings': { items, total: items.length } }), <MyFindings />, 'en');
    await waitFor(() => expect(cards()).toHaveLength(6));
    expect(within(card('十天后到期')).getByText('10 d 5 h left')).toBeTruthy();
    expect(within(card('已经逾期')).getByText('overdue by 2 d 3 h')).toBeTruthy();
  });
});

describe('MyFindings, recommendations', () => {
  it('puts the issued recommendations awaiting receipt or reply on top, red when overdue', async () => {
    const byStatus: Record<string, RecommendationView[]> = {
      ISSUED: [
        recommendation({
          id: 'r-1',
          title: '待签收的建议书',
          status: 'ISSUED',
          receiptDueAt: hoursFromNow(-2),
          overdue: { receipt: true, reply: false },
        }),
      ],
      RECEIVED: [recommendation({ id: 'r-2', title: '待回复的建议书', status: 'RECEIVED', replyDueAt: hoursFromNow(24 * 5) })],
    };
    const api = fakeApi({
      'GET /findings': { items, total: items.length },
      'GET /recommendations': (query: unknown) => {
        const status = (query as { status: string }).status;
        return { items: byStatus[status] ?? [], total: byStatus[status]?.length ?? 0 };
      },
    });
    renderAs(USERS.unit, api, <MyFindings />);
    const list = await screen.findByRole('list', { name: '待签收、待回复的建议书' });
    const [first, second] = within(list).getAllByTestId('my-recommendation');
    expect(within(first).getByRole('link').textContent).toBe('待签收的建议书');
    expect(first.className).toContain('overdue');
    expect(within(first).getByText('逾期未签收')).toBeTruthy();
    expect(within(first).getByText(/前签收$/)).toBeTruthy();
    expect(second.className).not.toContain('overdue');
    expect(within(second).getByText(/前书面回复$/)).toBeTruthy();
    // Above the findings.
    expect(list.compareDocumentPosition(screen.getAllByTestId('my-finding')[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('tells two findings of the same title apart by the code and name of their case', async () => {
    const twins = [
      finding({ id: 'a', title: '制度缺失', caseCode: 'ZG-2026-0001', caseTitle: '某局违规发放津补贴案' }),
      finding({ id: 'b', title: '制度缺失', caseCode: 'ZG-2026-0007', caseTitle: '某镇扶贫资金挪用案', dueAt: hoursFromNow(24 * 30) }),
    ];
    renderAs(USERS.unit, fakeApi({ 'GET /findings': { items: twins, total: 2 } }), <MyFindings />);
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(cards().map((element) => within(element).getByTestId('finding-case').textContent)).toEqual([
      '所属案件：ZG-2026-0001 某局违规发放津补贴案',
      '所属案件：ZG-2026-0007 某镇扶贫资金挪用案',
    ]);
  });
});
