import type { FindingRecord } from '@reform/contracts';
import { agrees, compareFinding, differingFields } from './finding-drift';

const record: FindingRecord = {
  id: 'f1',
  caseId: 'c1',
  title: '公务接待超标准',
  description: 'd',
  category: null,
  unitId: 'U1',
  responsiblePerson: null,
  dueAt: '2026-03-01T08:00:00.000Z',
  status: 'RECTIFYING',
  overdue: false,
  escalationLevel: 0,
  accountability: 'none',
  pendingApproval: null,
  trackingOfficeId: null,
  recommendationId: null,
  interviewId: null,
  accountabilityOutcome: null,
  pendingSince: null,
  openedBy: 'officer-1',
  createdAt: '2026-02-01T08:00:00.000Z',
  updatedAt: '2026-02-02T08:00:00.000Z',
  closedAt: null,
  version: 3,
};

describe('comparing a finding row with its workflow', () => {
  it('agrees when every field and every event is there, whatever form the times take', () => {
    const row = { ...record, dueAt: '2026-03-01T08:00:00Z' };
    expect(differingFields(row, record)).toEqual([]);
    expect(agrees(compareFinding(row, 3, record))).toBe(true);
  });

  it('compares every field of the record but its id', () => {
    const fields = (Object.keys(record) as (keyof FindingRecord)[]).filter((field) => field !== 'id');
    const changed = (field: keyof FindingRecord) => ({ ...record, [field]: field === 'overdue' ? true : 'changed' }) as FindingRecord;
    expect(fields.filter((field) => !differingFields(changed(field), record).includes(field))).toEqual([]);
  });

  it('names the fields that differ and counts missing events', () => {
    const row = { ...record, status: 'PLAN_SUBMITTED' as const, pendingApproval: 'plan' as const, version: 2 };
    const comparison = compareFinding(row, 2, record);
    expect(comparison).toEqual({ fields: ['status', 'pendingApproval', 'version'], missingEvents: 1, rowAhead: false });
    expect(agrees(comparison)).toBe(false);
  });

  it('compares the accountability outcome (问责结果) field by field, its date as an instant', () => {
    const outcome = {
      target: 'leader' as const,
      personName: '刘局长',
      form: '诫勉' as const,
      decidedBy: '县委',
      decisionDocNo: '县委〔2026〕5号',
      decidedAt: '2026-03-01T08:00:00.000Z',
      fourForm: 2 as const,
    };
    const workflow = { ...record, accountability: 'decided' as const, accountabilityOutcome: outcome };
    const row = { ...workflow, accountabilityOutcome: { ...outcome, decidedAt: '2026-03-01T08:00:00Z' } };
    expect(differingFields(row, workflow)).toEqual([]);
    expect(differingFields({ ...row, accountabilityOutcome: { ...outcome, fourForm: 3 } }, workflow)).toEqual(['accountabilityOutcome']);
    expect(differingFields({ ...row, accountability: 'referred', accountabilityOutcome: null }, workflow)).toEqual([
      'accountability',
      'accountabilityOutcome',
    ]);
  });

  it('notices a row ahead of its workflow', () => {
    expect(compareFinding({ ...record, version: 4 }, 4, record).rowAhead).toBe(true);
  });
});
