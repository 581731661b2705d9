import { Module } from '@nestjs/common';
import { activityMetrics } from '../metrics/activity-metrics.interceptor';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { WorkerMetricsModule } from '../metrics/worker-metrics.module';
import { ActivityInterceptors } from './activity-interceptors';

/** The activity interceptors of both workers (main and documents); add one here to wrap every activity. */
@Module({
  imports: [WorkerMetricsModule],
  providers: [
    {
      provide: ActivityInterceptors,
      inject: [WorkerMetrics],
      useFactory: (metrics: WorkerMetrics) => new ActivityInterceptors([activityMetrics(metrics)]),
    },
  ],
  exports: [ActivityInterceptors],
})
export class ActivityInterceptorsModule {}
