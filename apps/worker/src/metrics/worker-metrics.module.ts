import { Module } from '@nestjs/common';
import { WorkerMetrics } from './worker-metrics';

/** The worker's Prometheus registry: activities (through their interceptor) and the process (README, Metrics). */
@Module({ providers: [WorkerMetrics], exports: [WorkerMetrics] })
export class WorkerMetricsModule {}
