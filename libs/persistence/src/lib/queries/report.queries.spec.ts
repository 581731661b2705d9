import { summarise } from './report.queries';

describe('summarise', () => {
  it('reports zeros for every status and level when there are no findings', () => {
    expect(summarise([])).toEqual({
      findings: {
        total: 0,
        byStatus: { DRAFT: 0, ASSIGNED: 0, PLAN_SUBMITTED: 0, RECTIFYING: 0, REPORT_SUBMITTED: 0, CLOSED: 0 },
        overdue: 0,
        byEscalationLevel: { '0': 0, '1': 0, '2': 0, '3': 0 },
      },
      rectificationRate: 0,
      byUnit: [],
    });
  });

  it('adds up groups by status, level, overdue and unit, sorting units', () => {
    const summary = summarise([
      { unitId: 'U2', status: 'CLOSED', escalationLevel: 0, overdue: false, count: 1 },
      { unitId: 'U1', status: 'RECTIFYING', escalationLevel: 2, overdue: true, count: 2 },
      { unitId: 'U1', status: 'CLOSED', escalationLevel: 1, overdue: false, count: 3 },
    ]);
    expect(summary.findings).toMatchObject({ total: 6, overdue: 2, byEscalationLevel: { '0': 1, '1': 3, '2': 2, '3': 0 } });
    expect(summary.findings.byStatus).toMatchObject({ CLOSED: 4, RECTIFYING: 2, ASSIGNED: 0 });
    expect(summary.rectificationRate).toBe(0.6667);
    expect(summary.byUnit).toEqual([
      { unitId: 'U1', total: 5, closed: 3, overdue: 2 },
      { unitId: 'U2', total: 1, closed: 1, overdue: 0 },
    ]);
  });
});
