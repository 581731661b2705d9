import { Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { parseDurationMs } from '@reform/domain';
import { loadConfig, type AppConfig } from './app-config';
import { activeTracing } from './tracing';

/** The validated configuration, injectable by class. */
export class AppConfigService {
  constructor(readonly values: AppConfig) {}

  get policy(): AppConfig['policy'] {
    return this.values.policy;
  }

  get workingDays(): AppConfig['workingDays'] {
    return this.values.workingDays;
  }

  /** RECONCILE_EVERY in milliseconds (validated at boot). */
  get reconcileEveryMs(): number {
    return parseDurationMs(this.values.RECONCILE_EVERY) as number;
  }

  get auth(): AppConfig['auth'] {
    return this.values.auth;
  }

  get temporal() {
    return {
      address: this.values.TEMPORAL_ADDRESS,
      namespace: this.values.TEMPORAL_NAMESPACE,
      taskQueue: this.values.TEMPORAL_TASK_QUEUE,
    };
  }
}

/** Spans still buffered when the app stops are exported before it exits. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await activeTracing()?.shutdown();
  }
}

@Global()
@Module({
  providers: [{ provide: AppConfigService, useFactory: () => new AppConfigService(loadConfig()) }, TracingShutdown],
  exports: [AppConfigService],
})
export class AppConfigModule {}
