import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { policyStart } from '@reform/domain';
import { OpsGaugeQueries, type OpsGauge } from '@reform/persistence';
import { Gauge } from 'prom-client';
import { ApiMetrics } from './api-metrics';
import { BUSINESS_GAUGES, gaugeValues, type GaugeValues } from './gauge-values';
import { SharedRefresh } from './shared-refresh';

/** Scrapes within this long of a read share it: Prometheus, its HA twin and a curl cost one statement. */
export const GAUGES_TTL_MS = 5000;
/** A scrape answers without the business gauges' new values rather than wait on a stuck database. */
const QUERY_TIMEOUT_MS = 3000;

/**
 * The business gauges, read by one SQL statement per scrape at most once every GAUGES_TTL_MS. When
 * the read fails the gauges keep their last values and the failures counter says so: /metrics
 * itself still answers.
 */
@Injectable()
export class BusinessGauges {
  private readonly logger = new Logger(BusinessGauges.name);
  private readonly values: SharedRefresh<GaugeValues>;

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly queries: OpsGaugeQueries,
    private readonly config: AppConfigService,
  ) {
    this.values = new SharedRefresh(() => this.read(), GAUGES_TTL_MS);
    for (const gauge of Object.keys(BUSINESS_GAUGES) as OpsGauge[]) this.register(metrics, gauge);
  }

  private register(metrics: ApiMetrics, gauge: OpsGauge): void {
    const { name, help, label } = BUSINESS_GAUGES[gauge];
    const current = () => this.current();
    new Gauge({
      name,
      help,
      labelNames: label ? [label] : [],
      registers: [metrics.registry],
      async collect() {
        const values = await current();
        if (!values) return;
        this.reset();
        for (const { labels, value } of values[gauge]) this.set(labels, value);
      },
    });
  }

  /** Undefined when the read failed: the caller keeps what it had. */
  private async current(): Promise<GaugeValues | undefined> {
    try {
      return await this.values.get();
    } catch {
      return undefined;
    }
  }

  private async read(): Promise<GaugeValues> {
    const slaCutoff = new Date(policyStart(this.config.values.policy, 'approvalSlaMs', Date.now()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), QUERY_TIMEOUT_MS)));
    try {
      return gaugeValues(await Promise.race([this.queries.read(slaCutoff), timeout]));
    } catch (error) {
      this.metrics.gaugeReadFailures.inc();
      this.logger.warn(`business gauges not read: ${(error as Error).message}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
