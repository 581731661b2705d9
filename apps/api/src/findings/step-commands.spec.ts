import { stepCommands } from './step-commands';

describe('stepCommands', () => {
  it('defaults an omitted comment to empty and normalises dates', () => {
    expect(stepCommands.verification({ decision: 'fail', comment: 'no', newDueAt: '2099-03-01' })).toEqual({
      type: 'verify',
      decision: 'fail',
      comment: 'no',
      newDueAt: '2099-03-01T00:00:00.000Z',
    });
    expect(stepCommands.planDecision({ decision: 'approve' })).toEqual({ type: 'decidePlan', decision: 'approve', comment: '' });
  });

  it('leaves out a newDueAt that was not given', () => {
    expect(stepCommands.followUp({ result: 'held' })).not.toHaveProperty('newDueAt');
  });

  it('takes the extension deadline the API resolved, normalised', () => {
    expect(stepCommands.extension({ requestedDueInWorkingDays: 5, reason: 'budget' }, '2099-03-01T18:00:00+08:00')).toEqual({
      type: 'requestExtension',
      requestedDueAt: '2099-03-01T10:00:00.000Z',
      reason: 'budget',
    });
  });

  it('builds the outcome (问责结果) field by field: a person only for a leader, the decision date normalised', () => {
    const base = {
      form: '通报' as const,
      decidedBy: '县委',
      decisionDocNo: '县委〔2026〕6号',
      decidedAt: '2026-03-01',
      fourForm: 1 as const,
    };
    expect(stepCommands.accountabilityOutcome({ ...base, target: 'organisation', personName: '某人' })).toEqual({
      type: 'recordAccountabilityOutcome',
      target: 'organisation',
      personName: null,
      ...base,
      decidedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(stepCommands.accountabilityOutcome({ ...base, target: 'leader', form: '诫勉', personName: '刘局长' })).toMatchObject({
      target: 'leader',
      personName: '刘局长',
      form: '诫勉',
    });
  });

  it('copies evidence as plain objects', () => {
    const evidence = [{ name: 'a.pdf', sha256: 'f'.repeat(64), uri: 's3://a' }];
    expect(stepCommands.report({ content: 'done', evidence }, evidence)).toEqual({ type: 'submitReport', content: 'done', evidence });
  });
});
