import type { AppConfigService } from '@reform/config';
import type { FindingView, Principal } from '@reform/contracts';
import type { AuditQueries, FindingQueries } from '@reform/persistence';
import { ForbiddenError } from '../errors/forbidden.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { NotFoundError } from '../errors/not-found.error';
import { StepConflictError } from '../errors/step-conflict.error';
import type { ReformWorkflows } from '../temporal/reform-workflows.client';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { FindingStepsService } from './finding-steps.service';
import { FindingsService } from './findings.service';

const finding = { id: 'f1', unitId: 'U1', trackingOfficeId: null, status: 'RECTIFYING', dueAt: '2099-01-01T00:00:00.000Z' } as FindingView;
const unitU1: Principal = { id: 'u1', name: 'Unit One', roles: ['unit'], unitId: 'U1' };
const unitU2: Principal = { id: 'u2', name: 'Unit Two', roles: ['unit'], unitId: 'U2' };
const supervisorOfU2: Principal = { id: 's2', name: 'Both', roles: ['unit', 'supervisor'], unitId: 'U2' };
const plan = { type: 'submitPlan', content: 'measures' } as const;

function setUp() {
  const findingQueries = { findById: async (id: string) => (id === 'f1' ? finding : null) } as unknown as FindingQueries;
  const workflows = { commandFinding: jest.fn(async () => finding) };
  const { scope } = registerOf([
    ROOT,
    orgUnit('OFFICE-1', 'office', 'ROOT'),
    orgUnit('OFFICE-2', 'office', 'ROOT'),
    orgUnit('U1', 'unit', 'OFFICE-1'),
    orgUnit('U2', 'unit', 'OFFICE-2'),
  ]);
  const findings = new FindingsService(findingQueries, {} as AuditQueries, scope, {} as AppConfigService);
  return { service: new FindingStepsService(findings, workflows as unknown as ReformWorkflows, scope), workflows };
}

describe('FindingStepsService', () => {
  it("sends the unit's step with the actor to the finding's workflow", async () => {
    const { service, workflows } = setUp();
    await service.unitStep('f1', plan, unitU1);
    expect(workflows.commandFinding).toHaveBeenCalledWith(finding, { ...plan, actor: { id: 'u1', name: 'Unit One' } });
  });

  it("answers another unit's finding as unknown", async () => {
    const { service } = setUp();
    await expect(service.unitStep('f1', plan, unitU2)).rejects.toThrow(NotFoundError);
    await expect(service.unitStep('f9', plan, unitU1)).rejects.toThrow(NotFoundError);
  });

  it('forbids a unit step for another unit by someone who may see the finding', async () => {
    const { service } = setUp();
    await expect(service.unitStep('f1', plan, supervisorOfU2)).rejects.toThrow(ForbiddenError);
  });

  it('refuses an extension that does not move the deadline later', async () => {
    const { service } = setUp();
    const step = { type: 'requestExtension', requestedDueAt: '2098-12-31T00:00:00.000Z', reason: 'r' } as const;
    await expect(service.unitStep('f1', step, unitU1)).rejects.toThrow(InvalidInputError);
    await expect(service.unitStep('f1', step, unitU1)).rejects.toThrow(/requestedDueAt must be later than the current dueAt/);
  });

  it('gives the façade the finding as stored, so its refusals carry the stored status', async () => {
    const { service, workflows } = setUp();
    const refusal = new StepConflictError('no report to verify', 'RECTIFYING');
    workflows.commandFinding.mockRejectedValueOnce(refusal);
    const verify = { type: 'verify', decision: 'pass', comment: '' } as const;
    await expect(service.decide('f1', verify, supervisorOfU2)).rejects.toBe(refusal);
    expect(workflows.commandFinding).toHaveBeenCalledWith(finding, expect.objectContaining({ type: 'verify' }));
  });

  it("sends an outcome (问责结果) to the finding's workflow within the supervisor's jurisdiction, else answers 404", async () => {
    const { service, workflows } = setUp();
    const outcome = {
      type: 'recordAccountabilityOutcome',
      target: 'leader',
      personName: '刘局长',
      form: '诫勉',
      decidedBy: '县委',
      decisionDocNo: '县委〔2026〕5号',
      decidedAt: '2026-03-01T00:00:00.000Z',
      fourForm: 2,
    } as const;
    const outside: Principal = { id: 's3', name: 'Elsewhere', roles: ['supervisor'], orgUnitId: 'OFFICE-2' };
    await expect(service.decide('f1', outcome, outside)).rejects.toThrow(NotFoundError);
    expect(workflows.commandFinding).not.toHaveBeenCalled();
    await service.decide('f1', outcome, { ...outside, orgUnitId: 'OFFICE-1' });
    expect(workflows.commandFinding).toHaveBeenCalledWith(finding, { ...outcome, actor: { id: 's3', name: 'Elsewhere' } });
  });

  it("answers a finding outside the decider's jurisdiction as unknown, and sends nothing to its workflow", async () => {
    const { service, workflows } = setUp();
    const approve = { type: 'decidePlan', decision: 'approve', comment: '' } as const;
    const outside: Principal = { id: 's3', name: 'Elsewhere', roles: ['supervisor'], orgUnitId: 'OFFICE-2' };
    await expect(service.decide('f1', approve, outside)).rejects.toThrow(NotFoundError);
    expect(workflows.commandFinding).not.toHaveBeenCalled();
    await service.decide('f1', approve, { ...outside, orgUnitId: 'OFFICE-1' });
    expect(workflows.commandFinding).toHaveBeenCalledWith(finding, expect.objectContaining({ type: 'decidePlan' }));
  });
});
