import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfigService } from '@reform/config';
import { temporalConnectionOptions } from '@reform/temporal';

/** The worker's Temporal client (schedules, queries, visibility), next to its polling connection. */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) =>
        new Client({
          connection: Connection.lazy(temporalConnectionOptions(config.temporal)),
          namespace: config.temporal.namespace,
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
