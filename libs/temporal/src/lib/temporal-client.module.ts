import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfigService } from '@reform/config';
import { clientRetryInterceptors } from './client-retry';
import { TemporalClientInterceptors } from './temporal-client-interceptors';
import { temporalConnectionOptions } from './temporal-connection';
import { tracingClientInterceptors } from './tracing-interceptors';

/** The app's one Temporal client; lazy, so an app starts (and says so on /health) while Temporal is away. */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [AppConfigService, { token: TemporalClientInterceptors, optional: true }],
      useFactory: (config: AppConfigService, interceptors?: TemporalClientInterceptors) =>
        new Client({
          connection: Connection.lazy({ ...temporalConnectionOptions(config.temporal), interceptors: clientRetryInterceptors() }),
          namespace: config.temporal.namespace,
          interceptors: { workflow: [...tracingClientInterceptors(), ...(interceptors?.workflow ?? [])] },
        }),
    },
  ],
  exports: [Client],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close().catch(() => undefined);
  }
}
