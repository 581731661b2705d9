import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, hoursFromNow, recommendation, renderAs, USERS } from '../testing/render';
import { RecommendationList } from './recommendation-list';

const items = [
  recommendation({
    id: 'r-late',
    title: '逾期未回复的建议书',
    status: 'RECEIVED',
    docNo: '县纪建〔2026〕3号',
    overdue: { receipt: false, reply: true },
  }),
  recommendation({ id: 'r-passed', title: '刚过签收期限', status: 'ISSUED', docNo: '县纪建〔2026〕4号', receiptDueAt: hoursFromNow(-1) }),
  recommendation({ id: 'r-ok', title: '按期推进的建议书', status: 'ISSUED', docNo: '县纪建〔2026〕5号', receiptDueAt: hoursFromNow(20) }),
];
const row = (title: string) => screen.getByRole('link', { name: title }).closest('tr') as HTMLElement;

describe('RecommendationList', () => {
  it('marks overdue receipts and replies in red, the API’s and those just past', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /recommendations': { items, total: items.length } }), <RecommendationList />);
    await waitFor(() => expect(screen.getAllByTestId('recommendation-row')).toHaveLength(3));
    expect(row('逾期未回复的建议书').className).toBe('overdue');
    expect(within(row('逾期未回复的建议书')).getByText('逾期未回复').className).toContain('overdue');
    expect(within(row('逾期未回复的建议书')).getByText('已签收待回复')).toBeTruthy();
    expect(row('刚过签收期限').className).toBe('overdue');
    expect(within(row('刚过签收期限')).getByText('逾期未签收')).toBeTruthy();
    expect(row('按期推进的建议书').className).toBe('');
    expect(within(row('按期推进的建议书')).getByText('县纪建〔2026〕5号')).toBeTruthy();
  });

  it('filters by status, unit and overdue', async () => {
    const api = fakeApi({ 'GET /recommendations': { items: [], total: 0 } });
    renderAs(USERS.officer, api, <RecommendationList />);
    expect(await screen.findByText('暂无建议书。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'ISSUED' } });
    await screen.findByRole('option', { name: '县财政局（U-FIN）' });
    fireEvent.change(screen.getByLabelText('主送单位'), { target: { value: 'U-FIN' } });
    fireEvent.click(screen.getByLabelText('仅看逾期'));
    await waitFor(() =>
      expect(api.get).toHaveBeenLastCalledWith('/recommendations', {
        status: 'ISSUED',
        unitId: 'U-FIN',
        overdue: true,
        page: 1,
        pageSize: 20,
      }),
    );
  });

  it('offers a unit no unit filter: it sees its own only', async () => {
    renderAs(USERS.unit, fakeApi({}), <RecommendationList />);
    expect(await screen.findByText('暂无建议书。')).toBeTruthy();
    expect(screen.queryByLabelText('主送单位')).toBeNull();
  });
});
