import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import type { RecommendationView } from '../api/types';
import { refused } from '../testing/refusals';
import { event, fakeApi, finding, hoursFromNow, recommendation, renderAs, USERS } from '../testing/render';
import { RecommendationPage } from './recommendation-page';

const findings = {
  'GET /findings/f-1': finding({ recommendationId: 'r-1', status: 'DRAFT' }),
  'GET /findings/f-2': finding({ id: 'f-2', title: '公务接待超标准', recommendationId: 'r-1', status: 'DRAFT' }),
};
const withEvents = (rec: RecommendationView) => ({ ...rec, events: [event(1, 'RECOMMENDATION_DRAFTED', 30, {}, 'officer-li', '李明')] });
const api = (rec: RecommendationView, more: Record<string, unknown> = {}) =>
  fakeApi({ 'GET /recommendations/r-1': withEvents(rec), ...findings, ...more });

const issued = (overrides: Partial<RecommendationView> = {}) =>
  recommendation({
    status: 'ISSUED',
    docNo: '县纪建〔2026〕12号',
    documentId: 'd-1',
    issuedAt: hoursFromNow(-24),
    receiptDueAt: hoursFromNow(48),
    ...overrides,
  });

describe('RecommendationPage', () => {
  it('shows its text, its findings linked to their pages, and its timeline', async () => {
    renderAs(USERS.auditor, api(recommendation({ causeAnalysis: '制度执行不严\n监督缺位' })), <RecommendationPage id="r-1" />);
    expect(await screen.findByRole('heading', { level: 1, name: /关于加强津补贴发放管理的纪检监察建议书/ })).toBeTruthy();
    expect(screen.getByText('草稿', { selector: '.badge' })).toBeTruthy();
    expect(screen.getByText(/制度执行不严/).className).toContain('multiline');
    const link = await screen.findByRole('link', { name: '公务接待超标准' });
    expect(link.getAttribute('href')).toBe('/findings/f-2');
    expect(within(link.closest('tr') as HTMLElement).getByText('草稿/待签发')).toBeTruthy();
    expect(screen.getByRole('list', { name: '时间线' }).textContent).toContain('起草建议书');
    expect(screen.getByText('签发后可下载建议书文本。')).toBeTruthy();
    expect(screen.getByText('当前没有需要你办理的事项。')).toBeTruthy();
    // The drafter by name, the id on hover.
    expect(screen.getByText('起草人', { selector: 'dt' }).nextElementSibling?.querySelector('[title="officer-li"]')?.textContent).toBe(
      '李明',
    );
  });

  it('offers sign-off to a supervisor only, and posts the decision', async () => {
    const pending = recommendation({ status: 'PENDING_SIGNOFF', submittedAt: hoursFromNow(-3) });
    for (const user of [USERS.officer, USERS.unit]) {
      const view = renderAs(user, api(pending), <RecommendationPage id="r-1" />);
      await screen.findByText('待签发', { selector: '.badge' });
      expect(screen.queryByRole('button', { name: '签发' })).toBeNull();
      expect(screen.queryByRole('button', { name: '退回修改' })).toBeNull();
      view.unmount();
    }

    const supervisor = api(pending, { 'POST /recommendations/r-1/signoff': { ...pending, status: 'ISSUED' } });
    renderAs(USERS.supervisor, supervisor, <RecommendationPage id="r-1" />);
    fireEvent.click(await screen.findByRole('button', { name: '退回修改' }));
    expect(await screen.findByText('退回时请填写退回意见。')).toBeTruthy();
    expect(supervisor.post).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '签发' }));
    await waitFor(() => expect(supervisor.post).toHaveBeenCalledWith('/recommendations/r-1/signoff', { decision: 'approve' }));
    expect(await screen.findByText('已处理。')).toBeTruthy();
  });

  it('returns with the comment, and says 回避 in words when the drafter would sign off his own', async () => {
    const pending = recommendation({ status: 'PENDING_SIGNOFF', submittedAt: hoursFromNow(-3) });
    const supervisor = api(pending, {
      'POST /recommendations/r-1/signoff': new ApiError(
        403,
        'the sign-off of a recommendation requires recusal',
        undefined,
        undefined,
        'RECUSAL_REQUIRED',
      ),
    });
    renderAs(USERS.supervisor, supervisor, <RecommendationPage id="r-1" />);
    fireEvent.change(await screen.findByLabelText('审核意见'), { target: { value: '成因分析不够深入' } });
    fireEvent.click(screen.getByRole('button', { name: '退回修改' }));
    await waitFor(() =>
      expect(supervisor.post).toHaveBeenCalledWith('/recommendations/r-1/signoff', { decision: 'return', comment: '成因分析不够深入' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      '须回避：你起草或提交了这份建议书，不能由你本人审核签发，请由其他审核人办理。',
    );
  });

  it('lets an officer revise a returned draft, sending what changed only, and submit it', async () => {
    const returned = recommendation({ returnComment: '成因分析不够深入' });
    const officer = api(returned, {
      'PATCH /recommendations/r-1': { ...returned, causeAnalysis: '更深入的分析' },
      'POST /recommendations/r-1/submit': { ...returned, status: 'PENDING_SIGNOFF' },
    });
    renderAs(USERS.officer, officer, <RecommendationPage id="r-1" />);
    expect((await screen.findByTestId('return-comment')).textContent).toBe('退回意见：成因分析不够深入');
    fireEvent.click(screen.getByRole('button', { name: '修改草稿' }));
    fireEvent.change(screen.getByLabelText('问题成因'), { target: { value: '更深入的分析' } });
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(officer.patch).toHaveBeenCalledWith('/recommendations/r-1', { causeAnalysis: '更深入的分析' }));

    fireEvent.click(await screen.findByRole('button', { name: '提交审核' }));
    await waitFor(() => expect(officer.post).toHaveBeenCalledWith('/recommendations/r-1/submit', {}));
    expect(await screen.findByText('已提交审核。')).toBeTruthy();
  });

  it('shows an overdue receipt in red, and lets the unit sign for it', async () => {
    const late = issued({ receiptDueAt: hoursFromNow(-5), overdue: { receipt: true, reply: false } });
    const unit = api(late, { 'POST /recommendations/r-1/receipt': { ...late, status: 'RECEIVED' } });
    renderAs(USERS.unit, unit, <RecommendationPage id="r-1" />);
    const badge = await screen.findByText('逾期未签收', { selector: '.badge' });
    expect(badge.className).toContain('overdue');
    const due = screen.getByText('签收期限', { selector: 'dt' }).nextElementSibling?.querySelector('time') as HTMLElement;
    expect(due.className).toBe('late');
    expect(screen.getByText('回复时限', { selector: 'dt' }).nextElementSibling?.querySelector('time')?.className).toBe('');

    fireEvent.change(screen.getByLabelText('签收人姓名'), { target: { value: '王局长' } });
    fireEvent.click(screen.getByRole('button', { name: '确认签收' }));
    await waitFor(() => expect(unit.post).toHaveBeenCalledWith('/recommendations/r-1/receipt', { signedBy: '王局长' }));
  });

  it('downloads the issued document, PDF or DOCX, with the token', async () => {
    const reader = api(issued());
    reader.download.mockResolvedValue({ blob: new Blob(['%PDF']), filename: 'download' });
    URL.createObjectURL = vi.fn(() => 'blob:rec');
    URL.revokeObjectURL = vi.fn();
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderAs(USERS.supervisor, reader, <RecommendationPage id="r-1" />);
    fireEvent.click(await screen.findByRole('button', { name: '下载 DOCX' }));
    await waitFor(() => expect(saved).toEqual(['县纪建〔2026〕12号.docx']));
    expect(reader.download).toHaveBeenCalledWith(
      '/recommendations/r-1/document',
      { format: 'docx' },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});

describe('the written reply', () => {
  const received = issued({
    status: 'RECEIVED',
    receipt: { signedBy: '王局长', statement: '坚决整改', signedAt: hoursFromNow(-2), actor: 'unit-wang' },
  });

  it('asks one plan per finding of the recommendation on one screen, and posts them all', async () => {
    const unit = api(received, { 'POST /recommendations/r-1/reply': { ...received, status: 'REPLIED' } });
    renderAs(USERS.unit, unit, <RecommendationPage id="r-1" />);
    const form = await screen.findByRole('form', { name: '书面回复' });
    expect(within(form).getByLabelText('整改方案：津补贴审批把关不严')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('回复内容'), { target: { value: '我局高度重视' } });
    fireEvent.change(within(form).getByLabelText('签发人（单位主要负责人）'), { target: { value: '王局长' } });
    fireEvent.change(await within(form).findByLabelText('整改方案：公务接待超标准'), { target: { value: '严格执行接待标准' } });
    fireEvent.change(within(form).getByLabelText('整改方案：津补贴审批把关不严'), { target: { value: '双人复核' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交书面回复' }));

    await waitFor(() =>
      expect(unit.post).toHaveBeenCalledWith('/recommendations/r-1/reply', {
        content: '我局高度重视',
        signedBy: '王局长',
        plans: [
          { findingId: 'f-1', content: '双人复核' },
          { findingId: 'f-2', content: '严格执行接待标准' },
        ],
      }),
    );
    expect(await screen.findByText('已提交。')).toBeTruthy();
  });

  it("names the findings the API says still miss a plan, beside each one's plan", async () => {
    const unit = api(received, {
      'POST /recommendations/r-1/reply': refused(['plans', 'required']),
    });
    renderAs(USERS.unit, unit, <RecommendationPage id="r-1" />);
    const form = await screen.findByRole('form', { name: '书面回复' });
    fireEvent.change(within(form).getByLabelText('整改方案：津补贴审批把关不严'), { target: { value: '双人复核' } });
    await within(form).findByLabelText('整改方案：公务接待超标准');
    fireEvent.click(within(form).getByRole('button', { name: '提交书面回复' }));

    expect((await within(form).findByRole('alert')).textContent).toBe('以下问题尚未填写整改方案：公务接待超标准');
    expect(within(form).getByLabelText('整改方案：公务接待超标准').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('整改方案：津补贴审批把关不严').getAttribute('aria-invalid')).toBeNull();
    const [, body] = unit.post.mock.calls[0] as unknown as [string, { plans: unknown[] }];
    expect(body.plans).toEqual([{ findingId: 'f-1', content: '双人复核' }]);
  });
});
