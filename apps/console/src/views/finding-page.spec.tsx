import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { FindingView } from '../api/types';
import { event, fakeApi, finding, hoursFromNow, renderAs, USERS } from '../testing/render';
import { FindingPage } from './finding-page';

const withEvents = (f: FindingView) => ({ ...f, events: [event(1, 'ASSIGNED', 5, { dueAt: f.dueAt }, 'officer-li')] });

describe('FindingPage', () => {
  it("offers its own unit the plan form, and shows the step's refusal beside the field", async () => {
    const api = fakeApi({
      'GET /findings/f-1': withEvents(finding()),
      'POST /findings/f-1/plan': new ApiError(400, 'content must not be empty'),
    });
    renderAs(USERS.unit, api, <FindingPage id="f-1" />);
    fireEvent.click(await screen.findByRole('button', { name: '提交方案' }));
    await waitFor(() => expect(screen.getByLabelText('整改方案（措施、责任分工与时间节点）').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('content must not be empty')).toBeTruthy();
    expect(screen.getByText('申请延期', { selector: 'summary' })).toBeTruthy();
    expect(screen.queryByLabelText('审批意见')).toBeNull();
  });

  it('names its unit and its tracking office, their codes on hover', async () => {
    renderAs(USERS.supervisor, fakeApi({ 'GET /findings/f-1': withEvents(finding()) }), <FindingPage id="f-1" />);
    const fact = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
    await screen.findByText('县财政局');
    expect(fact('责任单位').querySelector('[title="U-FIN"]')?.textContent).toBe('县财政局');
    expect(fact('跟踪单位').querySelector('[title="OFF-1"]')?.textContent).toBe('第一纪检监察室');
  });

  it('offers another unit nothing to do', async () => {
    const api = fakeApi({ 'GET /findings/f-1': withEvents(finding({ unitId: 'U-OTHER' })) });
    renderAs(USERS.unit, api, <FindingPage id="f-1" />);
    expect(await screen.findByText('当前没有需要你办理的事项。')).toBeTruthy();
  });

  it('offers a supervisor the pending decision, with a new deadline for a failed verification', async () => {
    const pending = finding({ status: 'REPORT_SUBMITTED', pendingApproval: 'verification' });
    const api = fakeApi({
      'GET /findings/f-1': withEvents(pending),
      'POST /findings/f-1/verification': { ...pending, status: 'RECTIFYING', pendingApproval: null },
    });
    renderAs(USERS.supervisor, api, <FindingPage id="f-1" />);
    fireEvent.change(await screen.findByLabelText('审批意见'), { target: { value: '证据不足' } });
    fireEvent.change(screen.getByLabelText('新的整改时限（选填）'), { target: { value: '2030-03-01T18:00' } });
    fireEvent.click(screen.getByRole('button', { name: '验收不通过' }));
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/findings/f-1/verification', {
        decision: 'fail',
        comment: '证据不足',
        newDueAt: '2030-03-01T18:00:00.000Z',
      }),
    );
    expect(screen.getByRole('list', { name: '时间线' }).textContent).toContain('交办');
  });

  it("shows the finding's documents beside its timeline", async () => {
    const api = fakeApi({
      'GET /findings/f-1': withEvents(finding()),
      'GET /findings/f-1/documents': {
        items: [
          {
            id: 'd-1',
            kind: 'recommendation',
            docNo: '纪建〔2030〕3号',
            title: '纪检监察建议书',
            sha256Pdf: 'd4'.repeat(32),
            sha256Docx: 'e5'.repeat(32),
            issuedAt: hoursFromNow(-2),
          },
        ],
      },
    });
    renderAs(USERS.supervisor, api, <FindingPage id="f-1" />);
    const section = (await screen.findByRole('heading', { name: '文书' })).closest('section') as HTMLElement;
    expect(await within(section).findByText('纪建〔2030〕3号')).toBeTruthy();
    expect(api.get).toHaveBeenCalledWith('/findings/f-1/documents');
  });
});
