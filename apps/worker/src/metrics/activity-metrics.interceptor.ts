import { CancelledFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { WorkerMetrics } from './worker-metrics';

/**
 * Times every activity attempt by type and outcome, and counts the attempts that are retries —
 * what the projection-retries alert watches: a projection retried is PostgreSQL refusing or away.
 */
export function activityMetrics(metrics: WorkerMetrics): ActivityInterceptorsFactory {
  return (context) => ({
    inbound: {
      async execute(input, next) {
        const { activityType, attempt } = context.info;
        if (attempt > 1) metrics.retriedAttempts.inc({ activity_type: activityType });
        const stop = metrics.activityDuration.startTimer({ activity_type: activityType });
        try {
          const result = await next(input);
          stop({ outcome: 'completed' });
          return result;
        } catch (error) {
          stop({ outcome: error instanceof CancelledFailure ? 'cancelled' : 'failed' });
          throw error;
        }
      },
    },
  });
}
