import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';

type GrpcInterceptor = NonNullable<ConnectionOptions['interceptors']>[number];

const RESOURCE_EXHAUSTED = 8;
const UPDATE_METHOD = '/temporal.api.workflowservice.v1.WorkflowService/UpdateWorkflowExecution';

/**
 * The client's usual retries, except that an update refused for a limit (RESOURCE_EXHAUSTED: more
 * than the server's in-flight updates on one workflow) comes back at once, so the API can answer
 * 429 with Retry-After instead of holding the request through a minute of backoff.
 */
export function clientRetryInterceptors(): GrpcInterceptor[] {
  const usual = defaultGrpcRetryOptions();
  const retryUsually = makeGrpcRetryInterceptor(usual);
  const retryUpdate = makeGrpcRetryInterceptor({
    ...usual,
    retryableDecider: (attempt, status) => status.code !== RESOURCE_EXHAUSTED && usual.retryableDecider(attempt, status),
  });
  return [(options, nextCall) => (options.method_definition.path === UPDATE_METHOD ? retryUpdate : retryUsually)(options, nextCall)];
}
