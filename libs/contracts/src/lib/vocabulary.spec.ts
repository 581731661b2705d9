import { caseWorkflowId, findingWorkflowId } from './temporal-names';
import { EVENT_TYPES, FINDING_EVENT_TYPES, CASE_EVENT_TYPES } from './vocabulary';
import { POLICY_DEFAULTS, POLICY_ENV } from './policy';

describe('contracts', () => {
  it('derives workflow ids from entity ids, so a retried start finds the same workflow', () => {
    expect(findingWorkflowId('f-1')).toBe('finding-f-1');
    expect(caseWorkflowId('c-1')).toBe('case-c-1');
    expect(findingWorkflowId('x')).not.toBe(caseWorkflowId('x'));
  });

  it('lists every event type of domain.md once', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(FINDING_EVENT_TYPES).toHaveLength(24);
    expect(CASE_EVENT_TYPES).toEqual(['CASE_OPENED', 'FINDING_ADDED', 'CASE_CLOSED']);
  });

  it('has a default for every policy variable', () => {
    for (const variable of Object.values(POLICY_ENV)) expect(POLICY_DEFAULTS[variable]).toMatch(/^P/);
  });
});
