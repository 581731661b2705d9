import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { AppConfigService } from '@reform/config';
import { temporalConnectionOptions } from '@reform/temporal';
import { ActivitiesRegistry } from '../activities/activities.registry';
import { workflowBundlePath } from './workflow-bundle-path';
import { workerTuning } from './worker-tuning';

const CONNECT_RETRY_MS = 1000;

/** Hosts the Temporal worker: created on init, run on bootstrap, drained on shutdown. */
@Injectable()
export class TemporalWorkerService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfigService,
    private readonly activities: ActivitiesRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    this.installMetrics();
    const connection = await this.connect();
    this.worker = await Worker.create({
      connection,
      namespace,
      taskQueue,
      workflowBundle: { codePath: workflowBundlePath() },
      activities: this.activities.all(),
      shutdownGraceTime: '20s',
      ...workerTuning({ maxCachedWorkflows: this.config.values.TEMPORAL_MAX_CACHED_WORKFLOWS }),
    });
    this.logger.log(`worker ready on ${address}, namespace ${namespace}, task queue ${taskQueue}`);
  }

  onApplicationBootstrap(): void {
    this.running = this.worker?.run().catch((error: Error) => {
      this.logger.error(`worker stopped: ${error.message}`);
      process.exitCode = 1;
    });
  }

  /** The SDK worker's state, or STARTING before it exists; the probes read it. */
  state(): ReturnType<Worker['getState']> | 'STARTING' {
    return this.worker?.getState() ?? 'STARTING';
  }

  async onModuleDestroy(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
  }

  /** Serves the SDK's metrics (task slots, sticky cache, task latencies) for Prometheus when asked to. */
  private installMetrics(): void {
    const bindAddress = this.config.values.TEMPORAL_WORKER_METRICS;
    if (!bindAddress) return;
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress } } } });
    this.logger.log(`Temporal worker metrics on http://${bindAddress}/metrics`);
  }

  private async connect(): Promise<NativeConnection> {
    const options = temporalConnectionOptions(this.config.temporal);
    for (let attempt = 1; ; attempt++) {
      try {
        return await NativeConnection.connect({
          address: options.address,
          tls: options.tls,
          apiKey: typeof options.apiKey === 'string' ? options.apiKey : undefined,
          metadata: options.metadata,
        });
      } catch (error) {
        if (attempt % 10 === 1)
          this.logger.warn(`Temporal at ${options.address} not reachable yet (${(error as Error).message}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, CONNECT_RETRY_MS));
      }
    }
  }
}
