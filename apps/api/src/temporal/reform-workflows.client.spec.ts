import type { AppConfigService } from '@reform/config';
import { caseOpenedUpdate, findingCommandUpdate, type FindingCommand, type OpenCaseInput } from '@reform/contracts';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { CaseClosedError } from '../errors/case-closed.error';
import { StepConflictError } from '../errors/step-conflict.error';
import { TemporalUnavailableError } from '../errors/temporal-unavailable.error';
import { WorkflowEndedError } from '../errors/workflow-ended.error';
import { FINDING_START_WAIT_MS, ReformWorkflows } from './reform-workflows.client';
import type { TemporalGate } from './temporal-gate';

function setUp() {
  const handle = { executeUpdate: jest.fn(async () => ({ id: 'result' })) };
  const workflow = { start: jest.fn(async () => handle), getHandle: jest.fn(() => handle) };
  const config = { temporal: { taskQueue: 'q-test' } } as AppConfigService;
  const gate = { ensureReachable: jest.fn(async () => undefined), distrust: jest.fn() } as unknown as TemporalGate;
  return { workflows: new ReformWorkflows({ workflow } as unknown as Client, config, gate), workflow, handle };
}

const command: FindingCommand = { type: 'submitPlan', content: 'c', actor: { id: 'u1', name: 'U' } };
const finding = { id: 'f1', status: 'ASSIGNED' } as const;

describe('ReformWorkflows', () => {
  it('starts (or joins) the case workflow by id, then waits for caseOpened', async () => {
    const { workflows, workflow, handle } = setUp();
    const open = { caseId: 'c1' } as OpenCaseInput;
    await workflows.openCase(open);
    expect(workflow.start).toHaveBeenCalledWith('caseWorkflow', {
      workflowId: 'case-c1',
      taskQueue: 'q-test',
      args: [{ open }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    expect(handle.executeUpdate).toHaveBeenCalledWith(caseOpenedUpdate);
  });

  it("sends a step to the finding's workflow", async () => {
    const { workflows, workflow, handle } = setUp();
    await workflows.commandFinding(finding, command);
    expect(workflow.getHandle).toHaveBeenCalledWith('finding-f1');
    expect(handle.executeUpdate).toHaveBeenCalledWith(findingCommandUpdate, { args: [command] });
  });

  it('turns Temporal errors into domain errors, worded with what the caller knows', async () => {
    const { workflows, handle } = setUp();
    handle.executeUpdate.mockRejectedValueOnce(new WorkflowNotFoundError('gone', 'finding-f1', undefined));
    const ended = workflows.commandFinding({ id: 'f1', status: 'CLOSED' }, command);
    await expect(ended).rejects.toEqual(new WorkflowEndedError('finding is CLOSED and accepts no more steps', 'CLOSED'));
    const failure = ApplicationFailure.create({ type: 'StepNotAllowed', message: 'not now', details: [{ status: 'RECTIFYING' }] });
    handle.executeUpdate.mockRejectedValueOnce(new WorkflowUpdateFailedError('Workflow Update failed', failure));
    await expect(workflows.commandFinding(finding, command)).rejects.toEqual(new StepConflictError('not now', 'RECTIFYING'));
    // A refusal without a status gets the stored one: the contract promises it on every 409.
    const bare = ApplicationFailure.create({ type: 'StepNotAllowed', message: 'not now' });
    handle.executeUpdate.mockRejectedValueOnce(new WorkflowUpdateFailedError('Workflow Update failed', bare));
    await expect(workflows.commandFinding(finding, command)).rejects.toEqual(new StepConflictError('not now', 'ASSIGNED'));
  });

  it('waits for the workflow of a finding still ASSIGNED, which its case starts after answering', async () => {
    const { workflows, handle } = setUp();
    const notYet = () => new WorkflowNotFoundError('not yet', 'finding-f1', undefined);
    // Started, its first workflow task not yet completed: Temporal's WorkflowNotReady.
    const notReady = new ServiceError('Workflow Update failed', {
      cause: Object.assign(new Error('not ready'), { code: 9, details: 'workflow is not ready', metadata: {} }),
    });
    handle.executeUpdate.mockRejectedValueOnce(notYet()).mockRejectedValueOnce(notReady);
    await expect(workflows.commandFinding(finding, command)).resolves.toEqual({ id: 'result' });
    expect(handle.executeUpdate).toHaveBeenCalledTimes(3);
  });

  it('answers 503, not 409, when a finding still ASSIGNED has no workflow after the wait', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const { workflows, handle } = setUp();
      handle.executeUpdate.mockRejectedValue(new WorkflowNotFoundError('not yet', 'finding-f1', undefined));
      const stepping = workflows.commandFinding(finding, command);
      const outcome = stepping.catch((error: unknown) => error);
      for (let waited = 0; waited <= FINDING_START_WAIT_MS; waited += 1_000) await jest.advanceTimersByTimeAsync(1_000);
      expect(await outcome).toBeInstanceOf(TemporalUnavailableError);
    } finally {
      jest.useRealTimers();
    }
  });

  it("answers a finished case's workflow as the case closed", async () => {
    const { workflows, handle } = setUp();
    handle.executeUpdate.mockRejectedValueOnce(new WorkflowNotFoundError('gone', 'case-c1', undefined));
    const adding = workflows.addFinding({ id: 'c1', code: 'ZG-2026-0001' }, {} as never);
    await expect(adding).rejects.toEqual(CaseClosedError.of('ZG-2026-0001'));
  });

  it('waits for a case to be open, and takes a finished case as open', async () => {
    const { workflows, workflow, handle } = setUp();
    await workflows.caseOpened('c1');
    expect(workflow.getHandle).toHaveBeenCalledWith('case-c1');
    expect(handle.executeUpdate).toHaveBeenCalledWith(caseOpenedUpdate);
    handle.executeUpdate.mockRejectedValueOnce(new WorkflowNotFoundError('gone', 'case-c1', undefined));
    await expect(workflows.caseOpened('c1')).resolves.toBeUndefined();
  });

  it('starts the retry of a delivery on the task queue, joining one already running', async () => {
    const { workflows, workflow } = setUp();
    await workflows.retryDelivery('42');
    expect(workflow.start).toHaveBeenCalledWith('deliveryRetryWorkflow', {
      workflowId: 'delivery-retry-42',
      taskQueue: 'q-test',
      args: [{ deliveryId: '42' }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    workflow.start.mockRejectedValueOnce(new WorkflowExecutionAlreadyStartedError('started', 'delivery-retry-42', 'deliveryRetryWorkflow'));
    await expect(workflows.retryDelivery('42')).resolves.toBeUndefined();
    workflow.start.mockRejectedValueOnce(new ServiceError('Failed to start Workflow', { cause: new Error('connect ECONNREFUSED') }));
    await expect(workflows.retryDelivery('42')).rejects.toBeInstanceOf(TemporalUnavailableError);
  });

  it('lets anything else through unchanged', async () => {
    const { workflows, handle } = setUp();
    const bug = new TypeError('boom');
    handle.executeUpdate.mockRejectedValueOnce(bug);
    await expect(workflows.commandFinding(finding, command)).rejects.toBe(bug);
  });
});
