import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceInboxChanged } from '../hooks/inbox-changes';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { InboxBell } from './inbox-bell';

describe('InboxBell', () => {
  afterEach(() => vi.useRealTimers());

  it('names the unread count in its accessible label and leads to the inbox', async () => {
    const api = fakeApi({ 'GET /notifications': { items: [], unread: 3, total: 7 } });
    renderAs(USERS.unit, api, <InboxBell />);
    const bell = await screen.findByRole('link', { name: '通知（3 条未读）' });
    expect(bell.getAttribute('href')).toBe('/inbox');
    expect(within(bell).getByText('3')).toBeTruthy();
    expect(api.get).toHaveBeenCalledWith('/notifications', { pageSize: 1 });
  });

  it('says only 通知, with no badge, when nothing is unread; in English too', async () => {
    const api = fakeApi({ 'GET /notifications': { items: [], unread: 0, total: 2 } });
    const { unmount } = renderAs(USERS.supervisor, api, <InboxBell />);
    const bell = await screen.findByRole('link', { name: '通知' });
    expect(bell.querySelector('.unread-count')).toBeNull();
    unmount();
    renderAs(USERS.supervisor, fakeApi({ 'GET /notifications': { items: [], unread: 2, total: 2 } }), <InboxBell />, 'en');
    expect(await screen.findByRole('link', { name: 'Notifications (2 unread)' })).toBeTruthy();
  });

  it('refreshes every 30 s, and at once when read state changes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let unread = 2;
    const api = fakeApi({ 'GET /notifications': () => ({ items: [], unread, total: 5 }) });
    renderAs(USERS.unit, api, <InboxBell />);
    await screen.findByRole('link', { name: '通知（2 条未读）' });

    unread = 1;
    act(() => announceInboxChanged());
    await screen.findByRole('link', { name: '通知（1 条未读）' });
    const calls = api.get.mock.calls.length;

    unread = 0;
    await act(async () => {
      vi.advanceTimersByTime(29_000);
    });
    expect(api.get.mock.calls.length).toBe(calls);
    await act(async () => {
      vi.advanceTimersByTime(1_000);
    });
    await screen.findByRole('link', { name: '通知' });
    expect(api.get.mock.calls.length).toBe(calls + 1);
  });
});
