import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { DeliveryStatus, NotificationDelivery } from '../api/types';
import { fakeApi, hoursFromNow, renderAs, USERS } from '../testing/render';
import { OpsNotifications } from './ops-notifications';

function delivery(id: string, status: DeliveryStatus, overrides: Partial<NotificationDelivery> = {}): NotificationDelivery {
  return {
    id,
    notificationId: `f-1:${id}:REMINDER`,
    kind: 'REMINDER',
    channel: 'email',
    recipient: { personId: 'unit-wang', name: '王芳', unitId: 'U-FIN', address: 'wang@example.cn' },
    status,
    attempts: 1,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: null,
    ...overrides,
  };
}

const ITEMS = [
  delivery('7', 'failed', { attempts: 6, lastError: '550 mailbox unavailable' }),
  delivery('8', 'pending', { channel: 'wecom', attempts: 2, lastError: 'connect ETIMEDOUT', nextAttemptAt: hoursFromNow(1) }),
  delivery('9', 'delivered', {
    channel: 'inbox',
    recipient: { personId: 'unit-wang', name: '王芳', unitId: 'U-FIN', address: null },
    deliveredAt: hoursFromNow(-1),
  }),
];
const rowOf = (id: string) => screen.getByText(`f-1:${id}:REMINDER`).closest('tr') as HTMLElement;
const deliveryCalls = (api: ReturnType<typeof fakeApi>) => api.get.mock.calls.filter(([path]) => path === '/ops/notifications');

describe('OpsNotifications', () => {
  it('tables every delivery: what, channel, whom, state, attempts, last error, next retry, delivered at', async () => {
    renderAs(USERS.admin, fakeApi({ 'GET /ops/notifications': { items: ITEMS, total: 3 } }), <OpsNotifications />);
    expect(await screen.findByRole('heading', { name: '通知投递' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('delivery-row')).toHaveLength(3));
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      '通知',
      '渠道',
      '接收人',
      '状态',
      '尝试次数',
      '最后错误',
      '下次重试',
      '送达时间',
      '操作',
    ]);
    const failed = rowOf('7');
    expect(within(failed).getByText('投递失败')).toBeTruthy();
    expect(within(failed).getByText('550 mailbox unavailable')).toBeTruthy();
    expect(within(failed).getByText('6')).toBeTruthy();
    expect(within(failed).getByText('wang@example.cn')).toBeTruthy();
    expect(within(rowOf('8')).getByText('企业微信')).toBeTruthy();
    expect(within(rowOf('9')).getByText('已送达')).toBeTruthy();
  });

  it('offers 立即重试 on failed deliveries only', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /ops/notifications': { items: ITEMS, total: 3 } }), <OpsNotifications />);
    await waitFor(() => expect(screen.getAllByTestId('delivery-row')).toHaveLength(3));
    const buttons = screen.getAllByRole('button', { name: /立即重试/ });
    expect(buttons).toHaveLength(1);
    expect(within(rowOf('7')).getByRole('button', { name: '立即重试：7' })).toBe(buttons[0]);
    expect(within(rowOf('8')).queryByRole('button')).toBeNull();
    expect(within(rowOf('9')).queryByRole('button')).toBeNull();
  });

  it('retries through POST /ops/notifications/:id/retry, then refreshes', async () => {
    const api = fakeApi({
      'GET /ops/notifications': { items: ITEMS, total: 3 },
      'POST /ops/notifications/7/retry': { id: '7', status: 'pending' },
    });
    renderAs(USERS.admin, api, <OpsNotifications />);
    fireEvent.click(await screen.findByRole('button', { name: '立即重试：7' }));
    expect(await screen.findByText('投递 7 已重新提交。')).toBeTruthy();
    expect(api.post).toHaveBeenCalledWith('/ops/notifications/7/retry', undefined);
    await waitFor(() => expect(deliveryCalls(api)).toHaveLength(2));
  });

  it('says why a retry was refused', async () => {
    const api = fakeApi({
      'GET /ops/notifications': { items: ITEMS, total: 3 },
      'POST /ops/notifications/7/retry': new ApiError(409, 'only a failed delivery can be retried; this one is pending', 'pending'),
    });
    renderAs(USERS.admin, api, <OpsNotifications />);
    fireEvent.click(await screen.findByRole('button', { name: '立即重试：7' }));
    expect((await screen.findByRole('alert')).textContent).toBe('当前状态下不能执行此操作。 当前状态：待投递。');
  });

  it('filters by status and channel, from the first page', async () => {
    const api = fakeApi({ 'GET /ops/notifications': { items: [], total: 0 } });
    renderAs(USERS.admin, api, <OpsNotifications />);
    expect(await screen.findByText('暂无投递记录。')).toBeTruthy();
    expect(api.get).toHaveBeenCalledWith('/ops/notifications', { status: '', channel: '', page: 1, pageSize: 50 });
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'failed' } });
    fireEvent.change(screen.getByLabelText('渠道'), { target: { value: 'wecom' } });
    await waitFor(() =>
      expect(api.get).toHaveBeenLastCalledWith('/ops/notifications', { status: 'failed', channel: 'wecom', page: 1, pageSize: 50 }),
    );
  });
});
