import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/** What wraps every activity the worker runs — metrics, tracing — in the order given. */
export class ActivityInterceptors {
  constructor(readonly all: readonly ActivityInterceptorsFactory[] = []) {}
}
