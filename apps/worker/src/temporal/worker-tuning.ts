import type { WorkerOptions } from '@temporalio/worker';
import { setFlagsFromString } from 'node:v8';

/** What the host may change about the worker's capacity; see the README's Performance section. */
export interface WorkerTuningSettings {
  /** TEMPORAL_MAX_CACHED_WORKFLOWS: open workflows kept in memory between their tasks. */
  maxCachedWorkflows?: number;
}

/**
 * A cached workflow costs ~250 KiB of worker memory (measured: ~80 KiB of JavaScript heap, the
 * rest the SDK core's state). With 1,500 cached and heap growth capped (below) the worker peaked
 * at ~820 MiB through a storm of 10,000 deadlines among ~12,800 open findings; with 2,500 it
 * reached ~1,010 MiB among only ~3,900 (README, Performance).
 * Beyond that, a workflow woken by its timer is replayed from its short history instead: slower,
 * not wrong. Hosts with more memory raise TEMPORAL_MAX_CACHED_WORKFLOWS; bigger deployments add
 * worker replicas.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 1_500;

/** Worker options measured with `npm run bench` (README, Performance). */
export function workerTuning(settings: WorkerTuningSettings): Partial<WorkerOptions> {
  return {
    // One V8 context shared by every workflow (the SDK's default, said out loud); modules listed in
    // workflows/bundle.cjs (preloadModules) are evaluated in it once rather than per workflow.
    reuseV8Context: true,
    maxCachedWorkflows: settings.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
    // When deadlines cluster, hundreds of tasks arrive at once: slots and pollers scale up to take
    // them instead of leaving them queued on the server (defaults: 40 slots, 10 fixed pollers).
    maxConcurrentWorkflowTaskExecutions: 100,
    workflowTaskPollerBehavior: { type: 'autoscaling', minimum: 2, initial: 8, maximum: 50 },
  };
}

/**
 * Through a deadline storm the workflow thread's heap climbed to ~430 MiB before V8 collected it
 * back to ~120 MiB: with the worker busy, V8 lets a heap grow to several times what survived its
 * last full collection. Capping that growth keeps the peak near the live size, for more frequent
 * full collections (measured in `npm run bench`; README, Performance).
 */
export const DEFAULT_HEAP_GROWTH_PERCENT = 25;

/**
 * Applies WORKER_HEAP_GROWTH_PERCENT (0: V8's own heuristics) to every heap of the process,
 * the SDK's workflow thread included; so it must run before the worker is created.
 */
export function limitHeapGrowth(percent: number = DEFAULT_HEAP_GROWTH_PERCENT): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
