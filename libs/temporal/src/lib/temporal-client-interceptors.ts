import type { WorkflowClientInterceptor } from '@temporalio/client';

/**
 * The workflow interceptors an app gives its Temporal client — metrics, tracing — in the order they
 * wrap each call. An app provides this class (from a global module) to have them; without it the
 * client has none.
 */
export class TemporalClientInterceptors {
  constructor(readonly workflow: readonly WorkflowClientInterceptor[] = []) {}
}
