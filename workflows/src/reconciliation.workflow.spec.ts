import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import type { FinishReconciliation, ReconciliationActivities, ReconciliationBatch, ReconciliationBatchInput } from '@reform/contracts';
import { reconciliationWorkflow } from './reconciliation.workflow';
import { DevServerHarness } from './testing/dev-server-harness';

/** Typed fakes: two pages of findings, one of cases, one of running workflows. */
class FakeReconciliation {
  readonly calls: string[] = [];
  finished?: FinishReconciliation;
  failCases = false;

  activities(): ReconciliationActivities {
    const page =
      (name: string, pages: ReconciliationBatch[]) =>
      async ({ after }: ReconciliationBatchInput) => {
        this.calls.push(`${name}:${after ?? 'start'}`);
        if (name === 'cases' && this.failCases) throw ApplicationFailure.nonRetryable('database unreachable');
        return pages[after === null ? 0 : 1];
      };
    return {
      beginReconciliation: async () => void this.calls.push('begin'),
      reconcileFindings: page('findings', [
        { checked: 100, inFlight: 1, drifts: 2, next: 'f-100' },
        { checked: 7, inFlight: 0, drifts: 0, next: null },
      ]),
      reconcileCases: page('cases', [{ checked: 12, inFlight: 0, drifts: 1, next: null }]),
      reconcileRunningWorkflows: page('workflows', [{ checked: 119, inFlight: 2, drifts: 0, next: null }]),
      finishReconciliation: async (input) => {
        this.calls.push(`finish:${input.status}`);
        this.finished = input;
      },
    };
  }
}

describe('reconciliationWorkflow (dev server)', () => {
  const fake = new FakeReconciliation();
  const harness = new DevServerHarness();
  beforeAll(() => harness.start(undefined, fake.activities()));
  afterAll(() => harness.stop());
  beforeEach(() => {
    fake.calls.length = 0;
    fake.failCases = false;
  });

  it('walks every batch of findings, cases and running workflows, then records the tally', async () => {
    const workflowId = `reconciliation-test-${Date.now()}`;
    const result = await harness.client.workflow.execute(reconciliationWorkflow, { taskQueue: harness.taskQueue, workflowId, args: [{}] });
    expect(result).toEqual({ findingsChecked: 107, casesChecked: 12, workflowsChecked: 119, inFlight: 3, drifts: 3 });
    expect(fake.calls).toEqual(['begin', 'findings:start', 'findings:f-100', 'cases:start', 'workflows:start', 'finish:completed']);
    expect(fake.finished).toMatchObject({ status: 'completed', error: null, findingsChecked: 107, inFlight: 3 });
    await harness.recordHistory(workflowId, 'reconciliation-run');
  });

  it('records a failed run, with why, before failing', async () => {
    fake.failCases = true;
    const run = harness.client.workflow.execute(reconciliationWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: `reconciliation-fail-${Date.now()}`,
      args: [{ batchSize: 10 }],
    });
    await expect(run).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(fake.calls).toEqual(['begin', 'findings:start', 'findings:f-100', 'cases:start', 'finish:failed']);
    expect(fake.finished).toMatchObject({ status: 'failed', error: 'database unreachable', findingsChecked: 107, casesChecked: 0 });
  });
});
