import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { FindingView } from '../api/types';
import { refused } from '../testing/refusals';
import { event, fakeApi, finding, hoursFromNow, recommendation, renderAs, USERS } from '../testing/render';
import { FindingPage } from './finding-page';

const withEvents = (f: FindingView) => ({ ...f, events: [event(1, 'ASSIGNED', 5, { dueAt: f.dueAt }, 'officer-li')] });

describe('FindingPage', () => {
  it("offers its own unit the plan form, and shows the step's refusal beside the field", async () => {
    const api = fakeApi({
      'GET /findings/f-1': withEvents(finding()),
      'POST /findings/f-1/plan': refused(['content', 'empty']),
    });
    renderAs(USERS.unit, api, <FindingPage id="f-1" />);
    fireEvent.click(await screen.findByRole('button', { name: '提交方案' }));
    await waitFor(() => expect(screen.getByLabelText('整改方案（措施、责任分工与时间节点）').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('不能为空。')).toBeTruthy();
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
        newDueAt: '2030-03-01T10:00:00.000Z',
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

  it('links a finding to its recommendation, and offers no step while that is a draft', async () => {
    const draft = finding({ status: 'DRAFT', recommendationId: 'r-1' });
    renderAs(USERS.unit, fakeApi({ 'GET /findings/f-1': withEvents(draft) }), <FindingPage id="f-1" />);
    expect((await screen.findByRole('link', { name: '所属建议书 →' })).getAttribute('href')).toBe('/recommendations/r-1');
    expect(screen.getByText(/该问题所属的建议书尚未签发/)).toBeTruthy();
    expect(screen.getByText('草稿/待签发', { selector: '.badge' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交方案' })).toBeNull();
    expect(screen.queryByText('申请延期', { selector: 'summary' })).toBeNull();
  });

  it('links a finding that joined an interview to it, for the discipline side only', async () => {
    const joined = finding({ overdue: true, escalationLevel: 2, interviewId: 'i-1' });
    const view = renderAs(USERS.supervisor, fakeApi({ 'GET /findings/f-1': withEvents(joined) }), <FindingPage id="f-1" />);
    expect((await screen.findByRole('link', { name: '约谈 →' })).getAttribute('href')).toBe('/interviews/i-1');
    view.unmount();
    renderAs(USERS.unit, fakeApi({ 'GET /findings/f-1': withEvents(joined) }), <FindingPage id="f-1" />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('link', { name: '约谈 →' })).toBeNull();
  });

  it('points its unit to the written reply instead of the plan form until the reply is given', async () => {
    const assigned = finding({ recommendationId: 'r-1' });
    const api = fakeApi({
      'GET /findings/f-1': withEvents(assigned),
      'GET /recommendations/r-1': recommendation({ status: 'RECEIVED' }),
    });
    const view = renderAs(USERS.unit, api, <FindingPage id="f-1" />);
    const note = await screen.findByTestId('reply-awaited');
    expect(within(note).getByRole('link', { name: '前往建议书 →' }).getAttribute('href')).toBe('/recommendations/r-1');
    expect(screen.queryByRole('button', { name: '提交方案' })).toBeNull();
    view.unmount();

    // Replied: a returned plan is resubmitted here, one finding at a time.
    const replied = fakeApi({
      'GET /findings/f-1': withEvents(assigned),
      'GET /recommendations/r-1': recommendation({ status: 'REPLIED' }),
    });
    renderAs(USERS.unit, replied, <FindingPage id="f-1" />);
    expect(await screen.findByRole('button', { name: '提交方案' })).toBeTruthy();
  });

  it('says in words that the plan comes with the reply when the API answers REPLY_AWAITED', async () => {
    const api = fakeApi({
      'GET /findings/f-1': withEvents(finding()),
      'GET /findings/f-1/documents': { items: [] },
      'POST /findings/f-1/plan': new ApiError(409, 'the plan comes with the written reply', 'ASSIGNED', undefined, 'REPLY_AWAITED'),
    });
    renderAs(USERS.unit, api, <FindingPage id="f-1" />);
    fireEvent.click(await screen.findByRole('button', { name: '提交方案' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '该问题属于纪检监察建议书，整改方案须随建议书的书面回复一并提交。 当前状态：已交办。',
    );
  });

  describe('问责结果 (accountability outcome)', () => {
    const referred = finding({ escalationLevel: 3, overdue: true, accountability: 'referred' });

    it('offers a supervisor the outcome form on a referred finding; the forms follow the target, a leader is named', async () => {
      const decided = {
        ...referred,
        accountability: 'decided' as const,
        accountabilityOutcome: {
          target: 'organisation' as const,
          personName: null,
          form: '改组' as const,
          decidedBy: '县委',
          decisionDocNo: '县委〔2030〕5号',
          decidedAt: '2030-03-01T10:00:00.000Z',
          fourForm: 4 as const,
        },
      };
      const api = fakeApi({ 'GET /findings/f-1': withEvents(referred), 'POST /findings/f-1/accountability/outcome': decided });
      renderAs(USERS.supervisor, api, <FindingPage id="f-1" />);
      const form = await screen.findByRole('form', { name: '问责结果' });
      const options = (label: string) => Array.from((within(form).getByLabelText(label) as HTMLSelectElement).options).map((o) => o.text);
      expect(options('问责方式')).toEqual(['通报批评', '诫勉', '组织调整', '组织处理', '纪律处分']);
      expect(options('形态')).toEqual(['第一种形态', '第二种形态', '第三种形态', '第四种形态']);
      expect(within(form).getByLabelText('被问责领导干部')).toBeTruthy();

      fireEvent.change(within(form).getByLabelText('问责对象'), { target: { value: 'organisation' } });
      expect(options('问责方式')).toEqual(['检查', '通报', '改组']);
      expect(within(form).queryByLabelText('被问责领导干部')).toBeNull();

      fireEvent.click(within(form).getByRole('button', { name: '记录问责结果' }));
      expect(await within(form).findAllByText('请填写此项。')).toHaveLength(3);
      expect(api.post).not.toHaveBeenCalled();

      fireEvent.change(within(form).getByLabelText('问责方式'), { target: { value: '改组' } });
      fireEvent.change(within(form).getByLabelText('形态'), { target: { value: '4' } });
      fireEvent.change(within(form).getByLabelText('决定机关'), { target: { value: '县委' } });
      fireEvent.change(within(form).getByLabelText('文号'), { target: { value: '县委〔2030〕5号' } });
      fireEvent.change(within(form).getByLabelText('决定日期'), { target: { value: '2030-03-01T10:00' } });
      fireEvent.click(within(form).getByRole('button', { name: '记录问责结果' }));
      await waitFor(() =>
        expect(api.post).toHaveBeenCalledWith('/findings/f-1/accountability/outcome', {
          target: 'organisation',
          form: '改组',
          decidedBy: '县委',
          decisionDocNo: '县委〔2030〕5号',
          decidedAt: '2030-03-01T02:00:00.000Z',
          fourForm: 4,
        }),
      );
    });

    it("puts the API's refusal beside the field it names", async () => {
      const api = fakeApi({
        'GET /findings/f-1': withEvents(referred),
        'POST /findings/f-1/accountability/outcome': refused(['decidedAt', 'inFuture']),
      });
      renderAs(USERS.supervisor, api, <FindingPage id="f-1" />);
      const form = await screen.findByRole('form', { name: '问责结果' });
      fireEvent.change(within(form).getByLabelText('被问责领导干部'), { target: { value: '刘局长' } });
      fireEvent.change(within(form).getByLabelText('决定机关'), { target: { value: '县委' } });
      fireEvent.change(within(form).getByLabelText('文号'), { target: { value: '县委〔2030〕5号' } });
      fireEvent.change(within(form).getByLabelText('决定日期'), { target: { value: '2099-03-01T10:00' } });
      fireEvent.click(within(form).getByRole('button', { name: '记录问责结果' }));
      await waitFor(() => expect(within(form).getByLabelText('决定日期').getAttribute('aria-invalid')).toBe('true'));
      expect(api.post).toHaveBeenCalledWith(
        '/findings/f-1/accountability/outcome',
        expect.objectContaining({ target: 'leader', personName: '刘局长', form: '通报批评', fourForm: 1 }),
      );
    });

    it('offers the form to no one but a supervisor, and only while referred', async () => {
      renderAs(USERS.officer, fakeApi({ 'GET /findings/f-1': withEvents(referred) }), <FindingPage id="f-1" />);
      expect((await screen.findAllByText('已移送问责')).length).toBeGreaterThan(0);
      expect(screen.queryByRole('form', { name: '问责结果' })).toBeNull();
    });

    it('shows the decided outcome, and its event in the timeline in words', async () => {
      const outcome = {
        target: 'leader' as const,
        personName: '刘局长',
        form: '诫勉' as const,
        decidedBy: '县委',
        decisionDocNo: '县委〔2030〕5号',
        decidedAt: '2030-03-01T10:00:00.000Z',
        fourForm: 2 as const,
      };
      const decided = { ...referred, accountability: 'decided' as const, accountabilityOutcome: outcome };
      const events = [
        event(1, 'ASSIGNED', 50, { dueAt: decided.dueAt }, 'officer-li'),
        event(2, 'ACCOUNTABILITY_DECIDED', 1, { ...outcome }, 'sup-zhao'),
      ];
      renderAs(USERS.supervisor, fakeApi({ 'GET /findings/f-1': { ...decided, events } }), <FindingPage id="f-1" />);
      const shown = await screen.findByTestId('accountability-outcome');
      expect(shown.textContent).toContain('领导干部');
      expect(shown.textContent).toContain('刘局长');
      expect(shown.textContent).toContain('诫勉');
      expect(shown.textContent).toContain('第二种形态');
      expect(shown.textContent).toContain('县委〔2030〕5号');
      expect(screen.queryByRole('form', { name: '问责结果' })).toBeNull();
      const timeline = screen.getByRole('list', { name: '时间线' }).textContent ?? '';
      expect(timeline).toContain('问责结果');
      expect(timeline).toContain('第二种形态');
      expect(timeline).not.toContain('leader');
    });
  });
});
