import type { Client } from '@temporalio/client';
import { ACTIVITY_TYPES, FINDING_PROJECTION_ACTIVITIES } from '@reform/contracts';
import { TemporalWorkflowsPort } from './temporal-workflows.port';

/** A client whose workflow reports these activities pending, the way describe() shows a retrying one. */
function portWithPending(...activityTypes: string[]) {
  const pendingActivities = activityTypes.map((name) => ({
    activityType: { name },
    attempt: 3,
    lastFailure: { message: 'database unavailable' },
  }));
  const description = { status: { name: 'RUNNING' }, raw: { pendingActivities } };
  const client = {
    workflow: { getHandle: () => ({ describe: async () => description }) },
    connection: { withDeadline: <T>(_deadline: number, call: () => Promise<T>) => call() },
  } as unknown as Client;
  return new TemporalWorkflowsPort(client, 'default');
}

describe('TemporalWorkflowsPort.describe', () => {
  it.each(FINDING_PROJECTION_ACTIVITIES)('counts a retrying %s as a projection in flight', async (activityType) => {
    expect(await portWithPending(activityType).describe('finding-f1')).toEqual({ status: 'RUNNING', projecting: true });
  });

  // Findings whose events notify someone project through projectFindingEffects: a port that knew
  // only projectFinding reported them as drift while they retried, and re-projected under them.
  it('counts projectFindingEffects, the projection of events that notify', async () => {
    expect((await portWithPending(ACTIVITY_TYPES.projectFindingEffects).describe('finding-f1')).projecting).toBe(true);
  });

  it('does not count a notification being delivered, nor no activity at all', async () => {
    expect((await portWithPending(ACTIVITY_TYPES.notify).describe('finding-f1')).projecting).toBe(false);
    expect((await portWithPending().describe('finding-f1')).projecting).toBe(false);
  });
});
