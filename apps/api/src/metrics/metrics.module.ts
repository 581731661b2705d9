import { Module } from '@nestjs/common';
import { OpsGaugeQueries } from '@reform/persistence';
import { DataSource } from 'typeorm';
import { ApiMetrics } from './api-metrics';
import { BusinessGauges } from './business-gauges';
import { MetricsServer } from './metrics-server';

/** Prometheus metrics of the API: HTTP and Temporal latencies, the business gauges, the process (README, Metrics). */
@Module({
  providers: [
    ApiMetrics,
    BusinessGauges,
    MetricsServer,
    { provide: OpsGaugeQueries, inject: [DataSource], useFactory: (dataSource: DataSource) => new OpsGaugeQueries(dataSource) },
  ],
  exports: [ApiMetrics],
})
export class MetricsModule {}
