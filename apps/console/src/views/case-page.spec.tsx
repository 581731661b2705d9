import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { refused } from '../testing/refusals';
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

  it('lets an officer add a finding to an open case, its deadline in working days, and shows it in the list', async () => {
    let stored = opened('李明');
    const api = fakeApi({
      'GET /cases/c-1': () => stored,
      'POST /cases/c-1/findings': (body: unknown) => {
        const added = finding({ id: 'f-3', ...(body as object), dueAt: hoursFromNow(24 * 14) });
        stored = { ...stored, findings: [...stored.findings, added] };
        return added;
      },
    });
    renderAs(USERS.officer, api, <CasePage id="c-1" />);
    const form = (await screen.findByRole('heading', { name: '补充问题' })).closest('form') as HTMLElement;
    const inForm = within(form);
    fireEvent.change(inForm.getByLabelText('问题'), { target: { value: '公车私用' } });
    fireEvent.change(inForm.getByLabelText('问题描述'), { target: { value: '车辆登记不全' } });
    await inForm.findByRole('option', { name: '县财政局（U-FIN）' });
    fireEvent.change(inForm.getByLabelText('责任单位'), { target: { value: 'U-FIN' } });
    fireEvent.click(inForm.getByLabelText('按工作日'));
    fireEvent.change(inForm.getByLabelText('整改时限（工作日数）'), { target: { value: '10' } });
    fireEvent.click(inForm.getByRole('button', { name: '添加问题' }));

    expect(await screen.findByText('已添加问题：公车私用')).toBeTruthy();
    expect(api.post.mock.calls[0]).toEqual([
      '/cases/c-1/findings',
      { title: '公车私用', description: '车辆登记不全', unitId: 'U-FIN', dueInWorkingDays: 10 },
    ]);
    await waitFor(() => expect(screen.getByRole('link', { name: '公车私用' })).toBeTruthy());
    // The form is blank again for the next finding.
    expect((inForm.getByLabelText('问题') as HTMLInputElement).value).toBe('');
  });

  it("shows the API's refusal of an added finding beside its field", async () => {
    const api = fakeApi({
      'GET /cases/c-1': opened('李明'),
      'POST /cases/c-1/findings': refused(['unitId', 'unknownReference']),
    });
    renderAs(USERS.officer, api, <CasePage id="c-1" />);
    const form = (await screen.findByRole('heading', { name: '补充问题' })).closest('form') as HTMLElement;
    fireEvent.click(within(form).getByRole('button', { name: '添加问题' }));
    expect(await within(form).findByText('未在登记册中找到。')).toBeTruthy();
    expect(within(form).getByLabelText('责任单位').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows no finding form on a closed case, nor to a supervisor', async () => {
    const view = renderAs(USERS.officer, fakeApi({ 'GET /cases/c-1': { ...opened('李明'), status: 'CLOSED' } }), <CasePage id="c-1" />);
    await screen.findByText('李明');
    expect(screen.queryByRole('heading', { name: '补充问题' })).toBeNull();
    view.unmount();
    renderAs(USERS.supervisor, fakeApi({ 'GET /cases/c-1': opened('李明') }), <CasePage id="c-1" />);
    await screen.findByText('李明');
    expect(screen.queryByRole('heading', { name: '补充问题' })).toBeNull();
  });
});
