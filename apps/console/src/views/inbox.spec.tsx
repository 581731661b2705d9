import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxNotification } from '../api/types';
import { onInboxChanged } from '../hooks/inbox-changes';
import { fakeApi, hoursFromNow, renderAs, USERS } from '../testing/render';
import { Inbox } from './inbox';

function notification(overrides: Partial<InboxNotification>): InboxNotification {
  return {
    id: 'n',
    kind: 'REMINDER',
    findingId: null,
    recommendationId: null,
    interviewId: null,
    title: '标题',
    body: '正文',
    createdAt: hoursFromNow(-1),
    readAt: null,
    ...overrides,
  };
}

const ITEMS = [
  notification({ id: 'f-1:3:REMINDER', findingId: 'f-1', title: '整改到期提醒', body: '“津补贴审批把关不严”将于 3 日后到期。' }),
  notification({
    id: 'r-1:2:RECOMMENDATION_ISSUED',
    kind: 'RECOMMENDATION_ISSUED',
    recommendationId: 'r-1',
    title: '建议书已签发',
    readAt: hoursFromNow(-0.5),
    createdAt: hoursFromNow(-2),
  }),
  notification({
    id: 'i-1:1:INTERVIEW_SCHEDULED',
    kind: 'INTERVIEW_NOTICE',
    interviewId: 'i-1',
    title: '约谈已安排',
    createdAt: hoursFromNow(-3),
  }),
  notification({ id: 'DAILY_DIGEST:sup-zhao:2026-06-01', kind: 'DAILY_DIGEST', title: '本周待办汇总', createdAt: hoursFromNow(-4) }),
];
const page = (items = ITEMS, total = items.length) => ({ items, unread: items.filter((item) => item.readAt === null).length, total });
const entry = (title: string) => screen.getByText(title).closest('li') as HTMLElement;

describe('Inbox', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('lists the newest first with kind, time and body, unread ones marked, each linked to what it concerns', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /notifications': page() }), <Inbox />);
    expect(await screen.findByRole('heading', { name: '通知（3 条未读）' })).toBeTruthy();
    const titles = screen.getAllByTestId('inbox-item').map((item) => item.querySelector('.inbox-title')?.textContent);
    expect(titles).toEqual(['整改到期提醒', '建议书已签发', '约谈已安排', '本周待办汇总']);

    const reminder = entry('整改到期提醒');
    expect(reminder.className).toContain('unread');
    expect(within(reminder).getByText('到期提醒')).toBeTruthy();
    expect(within(reminder).getByText('“津补贴审批把关不严”将于 3 日后到期。')).toBeTruthy();
    expect(within(reminder).getByRole('link').getAttribute('href')).toBe('/findings/f-1');
    expect(reminder.querySelector('time')?.getAttribute('datetime')).toBe(ITEMS[0].createdAt);

    const issued = entry('建议书已签发');
    expect(issued.className).not.toContain('unread');
    expect(within(issued).queryByRole('button', { name: /标为已读/ })).toBeNull();
    expect(within(issued).getByRole('link').getAttribute('href')).toBe('/recommendations/r-1');
    expect(within(entry('约谈已安排')).getByRole('link').getAttribute('href')).toBe('/interviews/i-1');
    // A digest concerns nothing to open.
    expect(within(entry('本周待办汇总')).queryByRole('link')).toBeNull();
    expect(within(entry('本周待办汇总')).getByText('每日待办')).toBeTruthy();
  });

  it('leads a unit user to the finding or recommendation, never to the interview pages it may not read', async () => {
    const items = [
      notification({ id: 'a', interviewId: 'i-1', title: '约谈通知（无问题）' }),
      notification({ id: 'b', interviewId: 'i-1', findingId: 'f-2', title: '约谈通知（有问题）' }),
    ];
    renderAs(USERS.unit, fakeApi({ 'GET /notifications': page(items) }), <Inbox />);
    await screen.findByText('约谈通知（无问题）');
    expect(within(entry('约谈通知（无问题）')).queryByRole('link')).toBeNull();
    expect(within(entry('约谈通知（有问题）')).getByRole('link').getAttribute('href')).toBe('/findings/f-2');
  });

  it('marks one read with 标为已读, then refreshes itself and the header', async () => {
    const changed = vi.fn();
    const stop = onInboxChanged(changed);
    const api = fakeApi({ 'GET /notifications': page(), 'POST /notifications/f-1%3A3%3AREMINDER/read': undefined });
    renderAs(USERS.supervisor, api, <Inbox />);
    await screen.findByText('整改到期提醒');
    fireEvent.click(within(entry('整改到期提醒')).getByRole('button', { name: '标为已读：整改到期提醒' }));
    await waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(api.post).toHaveBeenCalledWith('/notifications/f-1%3A3%3AREMINDER/read', undefined);
    expect(api.get.mock.calls.filter(([path]) => path === '/notifications')).toHaveLength(2);
    stop();
  });

  it('marks one read when it is opened, and goes to it', async () => {
    const api = fakeApi({ 'GET /notifications': page(), 'POST /notifications/i-1%3A1%3AINTERVIEW_SCHEDULED/read': undefined });
    renderAs(USERS.supervisor, api, <Inbox />);
    fireEvent.click(await screen.findByRole('link', { name: '约谈已安排' }));
    expect(window.location.pathname).toBe('/interviews/i-1');
    expect(api.post).toHaveBeenCalledWith('/notifications/i-1%3A1%3AINTERVIEW_SCHEDULED/read', undefined);
    // Opening one already read changes nothing.
    fireEvent.click(screen.getByRole('link', { name: '建议书已签发' }));
    expect(api.post).toHaveBeenCalledTimes(1);
  });

  it('marks all read, and says so', async () => {
    const api = fakeApi({ 'GET /notifications': page(), 'POST /notifications/read-all': undefined });
    renderAs(USERS.unit, api, <Inbox />);
    await screen.findByText('整改到期提醒');
    fireEvent.click(screen.getByRole('button', { name: '全部标为已读' }));
    expect(await screen.findByText('已全部标为已读。')).toBeTruthy();
    expect(api.post).toHaveBeenCalledWith('/notifications/read-all', undefined);
  });

  it('shows the unread only, or all, from the first page; pages through the rest', async () => {
    const api = fakeApi({ 'GET /notifications': page(ITEMS, 45) });
    renderAs(USERS.unit, api, <Inbox />);
    await screen.findByText('第 1 / 3 页');
    expect(api.get).toHaveBeenCalledWith('/notifications', { page: 1, pageSize: 20 });
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/notifications', { page: 2, pageSize: 20 }));
    fireEvent.change(screen.getByLabelText('显示'), { target: { value: 'unread' } });
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/notifications', { unread: 'true', page: 1, pageSize: 20 }));
  });

  it('says when there is nothing unread, and keeps 全部标为已读 off', async () => {
    renderAs(USERS.unit, fakeApi({ 'GET /notifications': { items: [], unread: 0, total: 0 } }), <Inbox />);
    expect(await screen.findByText('暂无通知。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '全部标为已读' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('heading', { name: '通知' })).toBeTruthy();
  });
});
