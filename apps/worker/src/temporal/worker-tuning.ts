import type { WorkerOptions } from '@temporalio/worker';

/** What the host may change about the worker's capacity; see the README's Performance section. */
export interface WorkerTuningSettings {
  /** TEMPORAL_MAX_CACHED_WORKFLOWS: open workflows kept in memory between their tasks. */
  maxCachedWorkflows?: number;
}

/**
 * Options measured with `npm run bench` (README, Performance). Every open finding is a workflow
 * that sleeps until its next deadline; when deadlines cluster (month ends) thousands wake at once,
 * and each one not in the sticky cache must first be replayed from its history. So the cache holds
 * every open workflow of a county- or city-sized deployment (~35 KiB each with a shared V8 context),
 * and workflow-task slots are enough to keep the projections, which run as local activities inside
 * the task, busy.
 */
export function workerTuning(settings: WorkerTuningSettings): Partial<WorkerOptions> {
  return {
    // One V8 context for every workflow (the SDK's default, said out loud): a cached workflow costs
    // kilobytes instead of a context of its own.
    reuseV8Context: true,
    maxCachedWorkflows: settings.maxCachedWorkflows ?? 20_000,
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentLocalActivityExecutions: 100,
    workflowTaskPollerBehavior: { type: 'autoscaling', minimum: 2, initial: 8, maximum: 50 },
  };
}
