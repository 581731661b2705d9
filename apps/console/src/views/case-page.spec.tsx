import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, finding, hoursFromNow, recommendation, renderAs, USERS } from '../testing/render';
import { CasePage } from './case-page';

const opened = (openedByName: string | null) => ({
  id: 'c-1',
  code: 'ZG-2026-0001',
  title: '某局违规发放津补贴案',
  summary: '巡察发现',
  source: 'inspection',
  status: 'OPEN',
  openedBy: 'officer-li',
  openedByName,
  createdAt: hoursFromNow(-48),
  updatedAt: hoursFromNow(-1),
  closedAt: null,
  findings: [finding(), finding({ id: 'f-2', title: '公务接待超标准', unitId: 'U-CG' })],
});

describe('CasePage', () => {
  it("names the opener and each finding's unit, their ids on hover", async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /cases/c-1': opened('李明') }), <CasePage id="c-1" />);
    expect((await screen.findByText('李明')).getAttribute('title')).toBe('officer-li');
    const row = (await screen.findByText('公务接待超标准')).closest('tr') as HTMLElement;
    expect((await within(row).findByText('城关镇人民政府')).getAttribute('title')).toBe('U-CG');
  });

  it('shows the id of an opener the register does not have', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /cases/c-1': opened(null) }), <CasePage id="c-1" />);
    expect((await screen.findByText('officer-li')).tagName).toBe('DD');
  });

  it("lists the case's recommendations with their 文号 and state, and lets an officer draft one", async () => {
    const issued = recommendation({ id: 'r-2', title: '已签发的建议书', status: 'ISSUED', docNo: '县纪建〔2026〕12号' });
    const api = fakeApi({ 'GET /cases/c-1': opened('李明'), 'GET /recommendations': { items: [recommendation(), issued], total: 2 } });
    const view = renderAs(USERS.officer, api, <CasePage id="c-1" />);
    const table = await screen.findByRole('table', { name: '纪检监察建议书' });
    const row = within(table).getByRole('link', { name: '已签发的建议书' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('县纪建〔2026〕12号')).toBeTruthy();
    expect(within(row).getByText('已签发待签收')).toBeTruthy();
    expect(api.get).toHaveBeenCalledWith('/recommendations', { caseId: 'c-1', pageSize: 100 });
    expect(screen.getByRole('link', { name: '起草建议书' }).getAttribute('href')).toBe('/cases/c-1/recommendations/new');
    view.unmount();

    renderAs(USERS.supervisor, api, <CasePage id="c-1" />);
    await screen.findByRole('table', { name: '纪检监察建议书' });
    expect(screen.queryByRole('link', { name: '起草建议书' })).toBeNull();
  });
});
