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

  it('copies evidence as plain objects', () => {
    const evidence = [{ name: 'a.pdf', sha256: 'f'.repeat(64), uri: 's3://a' }];
    expect(stepCommands.report({ content: 'done', evidence })).toEqual({ type: 'submitReport', content: 'done', evidence });
  });
});
