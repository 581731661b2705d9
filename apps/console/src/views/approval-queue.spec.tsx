import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { event, fakeApi, finding, hoursFromNow, recommendation, renderAs, USERS } from '../testing/render';
import { ApprovalQueue } from './approval-queue';

// Three decisions waiting: a plan asked for 30 h ago, a report asked for 50 h ago, and an extension
// asked for only 10 h ago but already past the approval SLA (APPROVAL_OVERDUE recorded).
const plan = finding({ id: 'f-plan', title: '方案待批的问题', status: 'PLAN_SUBMITTED', pendingApproval: 'plan' });
const report = finding({ id: 'f-report', title: '报告待验收的问题', status: 'REPORT_SUBMITTED', pendingApproval: 'verification' });
const extension = finding({ id: 'f-ext', title: '延期待批的问题', status: 'RECTIFYING', pendingApproval: 'extension' });

const timelines = {
  'GET /findings/f-plan': {
    ...plan,
    events: [event(1, 'ASSIGNED', 60), event(2, 'PLAN_SUBMITTED', 30, { content: '双人复核' }, 'unit-wang')],
  },
  'GET /findings/f-report': {
    ...report,
    events: [event(1, 'ASSIGNED', 90), event(2, 'PLAN_SUBMITTED', 80), event(3, 'PLAN_APPROVED', 70), event(4, 'REPORT_SUBMITTED', 50)],
  },
  'GET /findings/f-ext': {
    ...extension,
    events: [
      event(1, 'ASSIGNED', 90),
      event(2, 'EXTENSION_REQUESTED', 10, { reason: '需要招标' }, 'unit-wang'),
      event(3, 'APPROVAL_OVERDUE', 1, { pendingApproval: 'extension' }),
    ],
  },
};

const titles = () => screen.getAllByTestId('queue-item').map((item) => item.getAttribute('aria-label'));

describe('ApprovalQueue', () => {
  it('puts SLA-breached decisions first, then the oldest request, and marks the breach', async () => {
    const api = fakeApi({ 'GET /approvals': { items: [plan, report, extension] }, ...timelines });
    renderAs(USERS.supervisor, api, <ApprovalQueue />);

    await waitFor(() => expect(screen.getAllByTestId('queue-item')).toHaveLength(3));
    expect(titles()).toEqual(['延期待批的问题', '报告待验收的问题', '方案待批的问题']);
    const [first, second] = screen.getAllByTestId('queue-item');
    expect(within(first).getByText('审批超时', { selector: '.badge' })).toBeTruthy();
    expect(first.className).toContain('breached');
    expect(within(second).queryByText('审批超时', { selector: '.badge' })).toBeNull();
    expect(within(second).getByText(/已等待 2 天 2 小时/)).toBeTruthy();
    // Each item carries its finding's full timeline.
    expect(
      within(second)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['交办', '提交整改方案', '整改方案获批', '提交整改报告']);
  });

  it('asks for a comment before deciding, then posts the decision and refreshes', async () => {
    let decided = false;
    const api = fakeApi({
      'GET /approvals': () => ({ items: decided ? [] : [plan] }),
      'GET /findings/f-plan': timelines['GET /findings/f-plan'],
      'POST /findings/f-plan/plan/decision': () => {
        decided = true;
        return { ...plan, status: 'RECTIFYING', pendingApproval: null };
      },
    });
    renderAs(USERS.supervisor, api, <ApprovalQueue />);
    const approve = await screen.findByRole('button', { name: '批准' });

    fireEvent.click(approve);
    expect(await screen.findByText('请先填写审批意见。')).toBeTruthy();
    expect(api.post).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('审批意见'), { target: { value: '同意' } });
    fireEvent.click(approve);
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/findings/f-plan/plan/decision', { decision: 'approve', comment: '同意' }));
    expect(await screen.findByText('审批队列为空。')).toBeTruthy();
  });

  it('shows a refused decision in words, from its code', async () => {
    const api = fakeApi({
      'GET /approvals': { items: [report] },
      'GET /findings/f-report': timelines['GET /findings/f-report'],
      'POST /findings/f-report/verification': new ApiError(
        403,
        'the officer who opened the case may not verify its findings',
        undefined,
        undefined,
        'RECUSAL_REQUIRED',
      ),
    });
    renderAs(USERS.supervisor, api, <ApprovalQueue />);
    fireEvent.change(await screen.findByLabelText('审批意见'), { target: { value: '通过' } });
    fireEvent.click(screen.getByRole('button', { name: '验收通过，予以销号' }));
    expect((await screen.findByRole('alert')).textContent).toBe('须回避：不能审批本人提出或起草的事项，也不能验收本人立案的问题。');
  });

  it('lists the recommendations pending sign-off, oldest first, each linking to its page', async () => {
    const pending = (id: string, title: string, hours: number) =>
      recommendation({ id, title, status: 'PENDING_SIGNOFF', submittedAt: hoursFromNow(-hours) });
    const api = fakeApi({
      'GET /approvals': {
        items: [],
        total: 0,
        recommendations: [pending('r-new', '新提交的建议书', 2), pending('r-old', '早提交的建议书', 30)],
      },
    });
    renderAs(USERS.supervisor, api, <ApprovalQueue />);
    const list = await screen.findByRole('list', { name: '待签发的建议书' });
    const entries = within(list).getAllByTestId('queue-recommendation');
    expect(entries.map((entry) => entry.getAttribute('aria-label'))).toEqual(['早提交的建议书', '新提交的建议书']);
    expect(within(entries[0]).getByRole('link', { name: '早提交的建议书' }).getAttribute('href')).toBe('/recommendations/r-old');
    expect(within(entries[0]).getByText(/已等待 1 天 6 小时/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('审批队列 (2)');
    expect(screen.queryByText('审批队列为空。')).toBeNull();
  });
});
