import { Global, Module } from '@nestjs/common';
import { TemporalClientInterceptors } from '@reform/temporal';
import { ApiMetrics } from '../metrics/api-metrics';
import { MetricsModule } from '../metrics/metrics.module';
import { temporalClientMetrics } from '../metrics/temporal-client-metrics';

/** What wraps each call of the API's Temporal client; global, so TemporalClientModule's factory sees it. */
@Global()
@Module({
  imports: [MetricsModule],
  providers: [
    {
      provide: TemporalClientInterceptors,
      inject: [ApiMetrics],
      useFactory: (metrics: ApiMetrics) => new TemporalClientInterceptors([temporalClientMetrics(metrics)]),
    },
  ],
  exports: [TemporalClientInterceptors],
})
export class TemporalClientInterceptorsModule {}
