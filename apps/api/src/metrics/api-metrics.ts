import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds; from a cached read (~2 ms) to a step that waits on its workflow (~1 s) and a slow export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The API's own registry (not prom-client's global one), so each app and each test app counts alone. */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by Nest route pattern.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly temporalDuration = new Histogram({
    name: 'temporal_client_request_duration_seconds',
    help: 'Time of each call of the API to Temporal (start, update, signal, query, describe…), by outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly gaugeReadFailures = new Counter({
    name: 'reform_business_gauges_failures_total',
    help: 'Reads of the business gauges that failed or timed out (the gauges kept their last values).',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
