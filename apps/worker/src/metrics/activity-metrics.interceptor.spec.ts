import { MockActivityEnvironment } from '@temporalio/testing';
import { activityMetrics } from './activity-metrics.interceptor';
import { WorkerMetrics } from './worker-metrics';

describe('activityMetrics: the activity interceptor of both workers', () => {
  const run = (metrics: WorkerMetrics, attempt: number, activity: () => Promise<string>) =>
    new MockActivityEnvironment({ activityType: 'projectFinding', attempt }, { interceptors: [activityMetrics(metrics)] }).run(activity);

  it('times each attempt by type and outcome, and counts the attempts that are retries', async () => {
    const metrics = new WorkerMetrics();
    await expect(run(metrics, 1, () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    await expect(run(metrics, 2, async () => 'projected')).resolves.toBe('projected');
    await run(metrics, 3, async () => 'again');

    const durations = (await metrics.activityDuration.get()).values.filter((value) => value.metricName?.endsWith('_count'));
    expect(durations.map(({ labels, value }) => ({ ...labels, value }))).toEqual(
      expect.arrayContaining([
        { activity_type: 'projectFinding', outcome: 'failed', value: 1 },
        { activity_type: 'projectFinding', outcome: 'completed', value: 2 },
      ]),
    );
    expect((await metrics.retriedAttempts.get()).values).toEqual([{ labels: { activity_type: 'projectFinding' }, value: 2 }]);
  });
});
