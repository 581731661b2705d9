import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds; from a projection's few statements (~10 ms) to a rendered document and a slow mail server. */
const ACTIVITY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The worker's own metrics, served on WORKER_HEALTH_PORT beside the probes. The SDK's (task slots,
 * sticky cache, poll latencies) stay on TEMPORAL_WORKER_METRICS, from the SDK's core. Without
 * dependencies it needs no @Injectable(), so specs load it without Nest (ES modules under Jest here).
 */
export class WorkerMetrics {
  readonly registry = new Registry();

  readonly activityDuration = new Histogram({
    name: 'reform_activity_duration_seconds',
    help: 'Time of each activity attempt in this worker, by activity type and outcome (completed, failed, cancelled).',
    labelNames: ['activity_type', 'outcome'] as const,
    buckets: ACTIVITY_BUCKETS,
    registers: [this.registry],
  });

  readonly retriedAttempts = new Counter({
    name: 'reform_activity_retried_attempts_total',
    help: 'Activity attempts after the first (attempt > 1) started in this worker, by activity type.',
    labelNames: ['activity_type'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
