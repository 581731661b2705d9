import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ApiMetrics } from './api-metrics';

type Operation = 'start' | 'update' | 'updateWithStart' | 'signal' | 'signalWithStart' | 'query' | 'describe' | 'terminate' | 'cancel';

/**
 * Times each call of the client through to Temporal's answer, by operation and outcome (`ok`, or
 * `error` for a refusal, a failed update or an outage alike). An update is timed until its result,
 * since the API asks to wait for it. One interceptor among the client's others (tracing).
 */
export function temporalClientMetrics(metrics: ApiMetrics): WorkflowClientInterceptor {
  const timed =
    <I, O>(operation: Operation) =>
    async (input: I, next: (input: I) => Promise<O>): Promise<O> => {
      const stop = metrics.temporalDuration.startTimer({ operation });
      try {
        const output = await next(input);
        stop({ outcome: 'ok' });
        return output;
      } catch (error) {
        stop({ outcome: 'error' });
        throw error;
      }
    };
  return {
    startWithDetails: timed('start'),
    startUpdate: timed('update'),
    startUpdateWithStart: timed('updateWithStart'),
    signal: timed('signal'),
    signalWithStart: timed('signalWithStart'),
    query: timed('query'),
    describe: timed('describe'),
    terminate: timed('terminate'),
    cancel: timed('cancel'),
  };
}
