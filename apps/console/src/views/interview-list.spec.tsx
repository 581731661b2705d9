import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, hoursFromNow, interview, renderAs, USERS } from '../testing/render';
import { InterviewList } from './interview-list';

const items = [
  interview({
    id: 'i-late',
    unitId: 'U-FIN',
    overdue: true,
    dueAt: hoursFromNow(-2),
    findingIds: ['f-1', 'f-2', 'f-3'],
  }),
  interview({
    id: 'i-set',
    unitId: 'U-EDU',
    status: 'SCHEDULED',
    findingIds: ['f-4'],
    scheduledAt: hoursFromNow(48),
    interviewer: '赵强',
    interviewee: { name: '陈刚', tier: 'principal' },
  }),
];
const row = (unit: string) => screen.getByRole('link', { name: unit }).closest('tr') as HTMLElement;

describe('InterviewList', () => {
  it('lists each interview by its unit, with its state, findings, dates and interviewee; overdue ones in red', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /interviews': { items, total: items.length } }), <InterviewList />);
    expect(await screen.findByRole('heading', { name: '约谈' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('interview-row')).toHaveLength(2));
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['被约谈单位', '状态', '涉及问题数', '提出时间', '应完成时间', '约谈时间', '约谈对象']);

    await screen.findByRole('link', { name: '县财政局' });
    const late = row('县财政局');
    expect(late.className).toBe('overdue');
    expect(within(late).getByText('逾期').className).toContain('overdue');
    expect(within(late).getByText('待安排')).toBeTruthy();
    expect(within(late).getByText('3')).toBeTruthy();
    expect(within(late).getByRole('link').getAttribute('href')).toBe('/interviews/i-late');

    const set = row('县教育局');
    expect(set.className).toBe('');
    expect(within(set).queryByText('逾期')).toBeNull();
    expect(within(set).getByText('已安排')).toBeTruthy();
    expect(within(set).getByText('陈刚（主要负责人）')).toBeTruthy();
  });

  it('filters by status and unit, from the first page', async () => {
    const api = fakeApi({ 'GET /interviews': { items: [], total: 0 } });
    renderAs(USERS.officer, api, <InterviewList />);
    expect(await screen.findByText('暂无约谈。')).toBeTruthy();
    expect(api.get).toHaveBeenCalledWith('/interviews', { status: '', unitId: '', page: 1, pageSize: 20 });
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'SCHEDULED' } });
    await screen.findByRole('option', { name: '县财政局（U-FIN）' });
    fireEvent.change(screen.getByLabelText('被约谈单位'), { target: { value: 'U-FIN' } });
    await waitFor(() =>
      expect(api.get).toHaveBeenLastCalledWith('/interviews', { status: 'SCHEDULED', unitId: 'U-FIN', page: 1, pageSize: 20 }),
    );
  });
});
