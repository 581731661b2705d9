import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { refused } from '../testing/refusals';
import { fakeApi, recommendation, renderAs, USERS } from '../testing/render';
import { RecommendationForm } from './recommendation-form';

const field = (label: string, index = 0) => screen.getAllByLabelText(label)[index] as HTMLInputElement;
const opened = { id: 'c-1', code: 'ZG-2026-0001', title: '某局违规发放津补贴案', status: 'OPEN' };

describe('RecommendationForm', () => {
  it('drafts the recommendation with its items on the case, the reply due in working days, and opens it', async () => {
    const api = fakeApi({ 'GET /cases/c-1': opened, 'POST /cases/c-1/recommendations': recommendation({ id: 'r-9' }) });
    renderAs(USERS.officer, api, <RecommendationForm caseId="c-1" />);
    expect(await screen.findByText('← 所属案件：ZG-2026-0001')).toBeTruthy();
    await screen.findByRole('option', { name: '县财政局（U-FIN）' });
    fireEvent.change(field('主送单位'), { target: { value: 'U-FIN' } });
    fireEvent.click(field('按工作日'));
    fireEvent.change(field('回复时限（工作日数）'), { target: { value: '15' } });
    fireEvent.change(field('建议书标题'), { target: { value: '关于加强津补贴发放管理的建议' } });
    fireEvent.change(field('问题成因'), { target: { value: '制度执行不严\n监督缺位' } });
    fireEvent.change(field('整改建议'), { target: { value: '健全审批制度' } });
    fireEvent.change(field('问题'), { target: { value: '审批把关不严' } });
    fireEvent.change(field('问题描述'), { target: { value: '流于形式' } });
    fireEvent.change(field('整改时限'), { target: { value: '2030-03-31T18:00' } });
    fireEvent.click(screen.getByRole('button', { name: '添加问题' }));
    fireEvent.change(field('问题', 1), { target: { value: '公务接待超标准' } });
    fireEvent.change(field('问题描述', 1), { target: { value: '超标准接待' } });
    fireEvent.change(field('责任人（选填）', 1), { target: { value: '张三' } });
    fireEvent.click(field('按工作日', 2));
    fireEvent.change(field('整改时限（工作日数）'), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    await waitFor(() => expect(window.location.pathname).toBe('/recommendations/r-9'));
    expect(api.post).toHaveBeenCalledWith('/cases/c-1/recommendations', {
      unitId: 'U-FIN',
      title: '关于加强津补贴发放管理的建议',
      causeAnalysis: '制度执行不严\n监督缺位',
      measures: '健全审批制度',
      replyDueInWorkingDays: 15,
      findings: [
        { title: '审批把关不严', description: '流于形式', dueAt: '2030-03-31T10:00:00.000Z' },
        { title: '公务接待超标准', description: '超标准接待', dueInWorkingDays: 60, responsiblePerson: '张三' },
      ],
    });
  });

  it("shows the API's refusals beside their fields, an item's too", async () => {
    const api = fakeApi({
      'GET /cases/c-1': opened,
      'POST /cases/c-1/recommendations': refused(['title', 'empty'], ['replyDueAt', 'notInFuture'], ['findings[0].dueAt', 'notInFuture']),
    });
    renderAs(USERS.officer, api, <RecommendationForm caseId="c-1" />);
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    expect(await screen.findByText('请修正标出的字段后再提交。')).toBeTruthy();
    expect(field('建议书标题').getAttribute('aria-invalid')).toBe('true');
    expect(field('回复时限').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('须晚于当前时间。')).toHaveLength(2);
    expect(field('整改时限').getAttribute('aria-invalid')).toBe('true');
    expect(field('问题成因').getAttribute('aria-invalid')).toBeNull();
  });

  it("names the register's refusal of the unit beside the picker, from the body's field", async () => {
    const api = fakeApi({
      'GET /cases/c-1': opened,
      'POST /cases/c-1/recommendations': refused(['unitId', 'unknownReference']),
    });
    renderAs(USERS.officer, api, <RecommendationForm caseId="c-1" />);
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('未在登记册中找到。')).toBeTruthy();
    expect(field('主送单位').getAttribute('aria-invalid')).toBe('true');
  });
});
