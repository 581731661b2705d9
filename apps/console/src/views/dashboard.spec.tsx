import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountabilityReport, FindingsSummary } from '../api/types';
import { fakeApi, renderAs, USERS } from '../testing/render';
import { Dashboard } from './dashboard';

const summary: FindingsSummary = {
  findings: {
    total: 3,
    byStatus: { DRAFT: 0, ASSIGNED: 1, PLAN_SUBMITTED: 0, RECTIFYING: 1, REPORT_SUBMITTED: 0, CLOSED: 1 },
    overdue: 1,
    byEscalationLevel: { '1': 1 },
  },
  rectificationRate: 0.3333,
  byUnit: [{ unitId: 'U-FIN', total: 3, closed: 1, overdue: 1 }],
};
const report: AccountabilityReport = {
  from: null,
  to: null,
  interviews: { proposed: 4, held: 2, overdue: 1 },
  accountability: {
    referred: 3,
    rejected: 1,
    decided: 2,
    byForm: { 检查: 0, 通报: 1, 改组: 0, 通报批评: 0, 诫勉: 1, 组织调整: 0, 组织处理: 0, 纪律处分: 0 },
    byFourForm: { '1': 1, '2': 1, '3': 0, '4': 0 },
  },
  byUnit: [{ unitId: 'U-FIN', unitName: null, interviews: 4, decided: 2 }],
};

describe('Dashboard (统计)', () => {
  it('shows the accountability report: interviews, accountability, by form, by 形态 and by unit', async () => {
    const api = fakeApi({ 'GET /reports/summary': summary, 'GET /reports/accountability': report });
    renderAs(USERS.supervisor, api, <Dashboard />);
    const section = await screen.findByTestId('accountability-report');
    expect(within(section).getByRole('heading', { name: '约谈与问责' })).toBeTruthy();
    const tile = (label: string) => within(section).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect([tile('已提出约谈'), tile('已约谈'), tile('约谈逾期')]).toEqual(['4', '2', '1']);
    expect([tile('移送问责'), tile('不予问责'), tile('作出问责决定')]).toEqual(['3', '1', '2']);
    const byForm = within(section).getByRole('table', { name: '按问责方式' });
    expect(within(byForm).getByRole('rowheader', { name: '诫勉' }).nextElementSibling?.textContent).toBe('1');
    const byFourForm = within(section).getByRole('table', { name: '按“四种形态”' });
    expect(
      within(byFourForm)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['第一种形态', '第二种形态', '第三种形态', '第四种形态']);
    const byUnit = within(section).getByRole('table', { name: '各责任单位约谈与问责情况' });
    expect(await within(byUnit).findByRole('rowheader', { name: '县财政局' })).toBeTruthy();
    expect(api.get).toHaveBeenCalledWith('/reports/accountability');
  });
});
