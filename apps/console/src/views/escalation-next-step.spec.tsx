import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FindingInCase } from '../api/types';
import { event, fakeApi, finding, hoursFromNow, renderAs, USERS } from '../testing/render';
import { FindingPage } from './finding-page';

const NEXT = '2030-03-01T10:00:00.000Z';
const detail = (f: FindingInCase, nextEscalationAt: string | null = null) => ({
  ...f,
  events: [event(1, 'ESCALATED', 2, { level: f.escalationLevel })],
  nextEscalationAt,
});
const open = (f: FindingInCase, nextEscalationAt: string | null = null, user = USERS.supervisor) =>
  renderAs(user, fakeApi({ 'GET /findings/f-1': detail(f, nextEscalationAt) }), <FindingPage id="f-1" />);
const overdue = { status: 'RECTIFYING' as const, overdue: true, dueAt: hoursFromNow(-30) };

describe('the next step on an escalated finding', () => {
  it('at 约谈, links a supervisor to the interview to schedule or hold, and says when 问责 comes', async () => {
    open(finding({ ...overdue, escalationLevel: 2, interviewId: 'i-7' }), NEXT);
    const panel = await screen.findByTestId('next-step');
    expect(within(panel).getByText('已升级至「约谈」。')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: '安排或记录约谈 →' }).getAttribute('href')).toBe('/interviews/i-7');
    // The moment is shown as dateTime shows every moment; only its year is checked here.
    expect(panel.textContent).toMatch(/将于 [^；]*2030[^；]* 升级至「问责」/);
  });

  it('at 问责 proposed, points to the decision the supervisor must take', async () => {
    open(finding({ ...overdue, escalationLevel: 3, accountability: 'proposed', pendingApproval: 'accountability' }));
    const panel = await screen.findByTestId('next-step');
    expect(within(panel).getByText('问责建议待审批：请在下方决定是否移送问责。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '移送问责' })).toBeTruthy();
  });

  it('at 督办, says the system waits for the report and when the next rung comes; a report in stops it', async () => {
    const view = open(finding({ ...overdue, escalationLevel: 1 }), NEXT);
    expect((await screen.findByTestId('next-step')).textContent).toMatch(
      /系统正在等待责任单位提交整改报告；仍未提交的，将于 [^；]*2030[^；]* 升级至「约谈」。/,
    );
    view.unmount();
    open(finding({ ...overdue, escalationLevel: 1, status: 'REPORT_SUBMITTED', pendingApproval: 'verification' }));
    expect((await screen.findByTestId('next-step')).textContent).toContain('整改报告已提交，系统正在等待验收');
  });

  it('is not shown before any escalation, nor to a unit', async () => {
    const view = open(finding());
    await screen.findByText('基本信息');
    expect(screen.queryByTestId('next-step')).toBeNull();
    view.unmount();
    open(finding({ ...overdue, escalationLevel: 1 }), NEXT, USERS.unit);
    await screen.findByText('基本信息');
    expect(screen.queryByTestId('next-step')).toBeNull();
  });

  it("shows the finding's case by code and name", async () => {
    open(finding());
    const fact = (await screen.findByText('所属案件', { selector: 'dt' })).nextElementSibling as HTMLElement;
    expect(fact.textContent).toBe('ZG-2026-0001 某局违规发放津补贴案');
  });
});
