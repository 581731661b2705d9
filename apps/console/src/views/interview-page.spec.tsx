import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../api/client';
import type { InterviewView, StoredFile } from '../api/types';
import { stubXhr } from '../testing/fake-xhr';
import { refused } from '../testing/refusals';
import { event, fakeApi, finding, hoursFromNow, interview, renderAs, USERS } from '../testing/render';
import { isoToLocalInput, localInputToIso } from '../ui/dates';
import { InterviewPage } from './interview-page';

const findings = {
  'GET /findings/f-1': finding({ interviewId: 'i-1', overdue: true, escalationLevel: 2 }),
  'GET /findings/f-2': finding({ id: 'f-2', title: '公务接待超标准', interviewId: 'i-1', overdue: true, escalationLevel: 2 }),
};
const withEvents = (i: InterviewView) => ({
  ...i,
  events: [
    event(1, 'INTERVIEW_PROPOSED', 24, { findingId: 'f-1' }),
    event(2, 'INTERVIEW_JOINED', 20, { findingId: 'f-2' }),
    ...(i.interviewee
      ? [
          event(
            3,
            'INTERVIEW_SCHEDULED',
            2,
            { scheduledAt: i.scheduledAt, interviewer: i.interviewer, interviewee: i.interviewee },
            'sup-zhao',
          ),
        ]
      : []),
  ],
});
const api = (i: InterviewView, more: Record<string, unknown> = {}) =>
  fakeApi({ 'GET /interviews/i-1': withEvents(i), ...findings, ...more });

const scheduled = (overrides: Partial<InterviewView> = {}) =>
  interview({
    status: 'SCHEDULED',
    scheduledAt: hoursFromNow(48),
    interviewer: '赵强',
    interviewee: { name: '王局长', tier: 'principal' },
    ...overrides,
  });

/** A datetime-local value n hours from now, as a reader would type it. */
const localIn = (hours: number) => isoToLocalInput(Date.now() + hours * 3_600_000);
const isoOf = (local: string) => localInputToIso(local);

describe('InterviewPage', () => {
  it('shows its unit, its findings linked by title, and its timeline in words', async () => {
    renderAs(USERS.auditor, api(scheduled()), <InterviewPage id="i-1" />);
    expect(await screen.findByRole('heading', { level: 1, name: /约谈：县财政局/ })).toBeTruthy();
    expect(screen.getByText('已安排', { selector: '.badge' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: '公务接待超标准' });
    expect(link.getAttribute('href')).toBe('/findings/f-2');
    const plan = screen.getByRole('list', { name: '时间线' }).textContent ?? '';
    expect(plan).toContain('提出约谈');
    expect(plan).toContain('并入约谈');
    expect(plan).toContain('安排约谈');
    expect(plan).toContain('王局长（主要负责人）');
    expect(screen.getByText('约谈人', { selector: '.facts dt' }).nextElementSibling?.textContent).toBe('赵强');
    expect(screen.getByText('约谈对象', { selector: '.facts dt' }).nextElementSibling?.textContent).toBe('王局长（主要负责人）');
    // An auditor reads; only officers and supervisors schedule and record.
    expect(screen.queryByRole('form', { name: '安排约谈' })).toBeNull();
    expect(screen.getByText('当前没有需要你办理的事项。')).toBeTruthy();
  });

  it('schedules a proposed interview, sending when, who and whom', async () => {
    const proposed = interview();
    const officer = api(proposed, { 'POST /interviews/i-1/schedule': scheduled() });
    renderAs(USERS.officer, officer, <InterviewPage id="i-1" />);
    const form = await screen.findByRole('form', { name: '安排约谈' });
    expect(screen.getByText('尚未安排约谈。')).toBeTruthy();
    const when = localIn(48);
    fireEvent.change(within(form).getByLabelText('约谈时间'), { target: { value: when } });
    fireEvent.change(within(form).getByLabelText('约谈人'), { target: { value: '赵强' } });
    fireEvent.change(within(form).getByLabelText('被约谈人姓名'), { target: { value: '王局长' } });
    fireEvent.change(within(form).getByLabelText('身份'), { target: { value: 'deputy' } });
    fireEvent.click(within(form).getByRole('button', { name: '安排约谈' }));
    await waitFor(() =>
      expect(officer.post).toHaveBeenCalledWith('/interviews/i-1/schedule', {
        scheduledAt: isoOf(when),
        interviewer: '赵强',
        interviewee: { name: '王局长', tier: 'deputy' },
      }),
    );
    expect(await screen.findByText('约谈已安排。')).toBeTruthy();
  });

  it('offers 调整时间 once scheduled, filled with the schedule, and shows a refusal beside its field', async () => {
    const supervisor = api(scheduled(), {
      'POST /interviews/i-1/schedule': refused(['scheduledAt', 'notInFuture']),
    });
    renderAs(USERS.supervisor, supervisor, <InterviewPage id="i-1" />);
    const form = await screen.findByRole('form', { name: '安排约谈' });
    expect(within(form).queryByRole('button', { name: '安排约谈' })).toBeNull();
    expect((within(form).getByLabelText('被约谈人姓名') as HTMLInputElement).value).toBe('王局长');
    expect((within(form).getByLabelText('身份') as HTMLSelectElement).value).toBe('principal');
    const when = localIn(-1);
    fireEvent.change(within(form).getByLabelText('约谈时间'), { target: { value: when } });
    fireEvent.click(within(form).getByRole('button', { name: '调整时间' }));
    await waitFor(() =>
      expect(supervisor.post).toHaveBeenCalledWith('/interviews/i-1/schedule', {
        scheduledAt: isoOf(when),
        interviewer: '赵强',
        interviewee: { name: '王局长', tier: 'principal' },
      }),
    );
    await waitFor(() => expect(within(form).getByLabelText('约谈时间').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('须晚于当前时间。')).toBeTruthy();
  });

  it('says so in words when the interview was held meanwhile (409)', async () => {
    const supervisor = api(scheduled(), {
      'POST /interviews/i-1/record': new ApiError(409, 'record is not allowed while the interview is HELD', 'HELD'),
    });
    renderAs(USERS.supervisor, supervisor, <InterviewPage id="i-1" />);
    const form = await screen.findByRole('form', { name: '记录约谈' });
    fireEvent.click(within(form).getByRole('button', { name: '提交约谈记录' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('当前状态下不能执行此操作。 当前状态：已约谈。');
  });

  it('shows the record of a held interview with its files, and offers no form', async () => {
    const held = scheduled({
      status: 'HELD',
      heldAt: hoursFromNow(-3),
      minutes: '通报逾期情况\n提出整改要求',
      statement: '立即整改',
      evidence: [{ fileId: 'file-1', name: '约谈记录.pdf', sha256: 'a1'.repeat(32) }],
    });
    renderAs(USERS.supervisor, api(held), <InterviewPage id="i-1" />);
    expect(await screen.findByText('已约谈', { selector: '.badge' })).toBeTruthy();
    expect(screen.getByText(/通报逾期情况/).className).toContain('multiline');
    expect(screen.getByText('立即整改')).toBeTruthy();
    expect(screen.getByRole('link', { name: '约谈记录.pdf' }).getAttribute('href')).toBe('/api/v1/files/file-1');
    expect(screen.queryByRole('form', { name: '安排约谈' })).toBeNull();
    expect(screen.queryByRole('form', { name: '记录约谈' })).toBeNull();
  });
});

describe('the interview record', () => {
  afterEach(() => vi.unstubAllGlobals());

  const stored = (id: string, name: string): StoredFile => ({
    id,
    name,
    size: 2048,
    contentType: 'application/pdf',
    sha256: 'a1'.repeat(32),
    uploadedBy: 'sup-zhao',
    uploadedAt: '2030-01-01T00:00:00.000Z',
  });

  it('uploads the files first, then records when it was held, the minutes, the statement and the files as {fileId}', async () => {
    const sent = stubXhr();
    const base = api(scheduled({ scheduledAt: hoursFromNow(-1) }), {
      'POST /interviews/i-1/record': scheduled({ status: 'HELD' }),
    });
    const supervisor = { ...base, uploadWithProgress: createApi(() => 'tok').uploadWithProgress };
    renderAs(USERS.supervisor, supervisor, <InterviewPage id="i-1" />);
    const form = await screen.findByRole('form', { name: '记录约谈' });
    fireEvent.change(within(form).getByLabelText(/选择文件上传/), { target: { files: [new File(['%PDF-1.7'], '约谈记录.pdf')] } });
    expect(sent.map((xhr) => xhr.url)).toEqual(['/api/v1/files']);
    expect((within(form).getByRole('button', { name: '提交约谈记录' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => sent[0].respond(201, stored('file-1', '约谈记录.pdf')));
    expect(await within(form).findByText('约谈记录.pdf')).toBeTruthy();

    const when = localIn(-1);
    fireEvent.change(within(form).getByLabelText('约谈时间'), { target: { value: when } });
    fireEvent.change(within(form).getByLabelText('约谈记录'), { target: { value: '通报逾期情况' } });
    fireEvent.change(within(form).getByLabelText('表态'), { target: { value: '立即整改' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交约谈记录' }));
    await waitFor(() =>
      expect(supervisor.post).toHaveBeenCalledWith('/interviews/i-1/record', {
        heldAt: isoOf(when),
        minutes: '通报逾期情况',
        statement: '立即整改',
        evidence: [{ fileId: 'file-1' }],
      }),
    );
    expect(await screen.findByText('约谈已记录。')).toBeTruthy();
  });
});
