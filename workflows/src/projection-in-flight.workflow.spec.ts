import { ApplicationFailure } from '@temporalio/common';
import { findingWorkflowId, isFindingProjection, type Policy } from '@reform/contracts';
import { findingWorkflow } from './finding.workflow';
import { DevServerHarness } from './testing/dev-server-harness';
import { DAYS_POLICY, findingInput, findingSeed } from './testing/workflow-fixtures';

/**
 * Reconciliation treats a finding whose projection is scheduled or retrying as in flight, by the
 * activity's type as the server's describe() reports it. Here a projection of events that notify
 * (projectFindingEffects) fails on a real dev server, as it does while PostgreSQL is down.
 */
describe('a finding projection retrying on the server (dev server)', () => {
  const harness = new DevServerHarness();
  let attempts = 0;
  beforeAll(() =>
    harness.start(undefined, {
      projectFindingEffects: async () => {
        attempts += 1;
        throw ApplicationFailure.retryable('database unavailable');
      },
    }),
  );
  afterAll(() => harness.stop());

  it('shows as a pending activity that FINDING_PROJECTION_ACTIVITIES counts', async () => {
    const policy: Policy = { ...DAYS_POLICY, planDueMs: 300 };
    const seed = findingSeed(Date.now());
    const handle = await harness.client.workflow.start(findingWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: findingWorkflowId(seed.id),
      args: [findingInput(seed, policy)],
    });
    try {
      await harness.eventually(() => attempts >= 2);
      const pending = (await handle.describe()).raw.pendingActivities ?? [];
      expect(pending.map((activity) => activity.activityType?.name)).toEqual(['projectFindingEffects']);
      expect(pending.some((activity) => isFindingProjection(activity.activityType?.name))).toBe(true);
    } finally {
      await handle.terminate('test over');
    }
  });
});
