import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { AppConfigService } from '@reform/config';
import { documentTaskQueue } from '@reform/contracts';
import { temporalConnectionOptions } from '@reform/temporal';
import { ActivitiesRegistry } from '../activities/activities.registry';
import { ActivityInterceptors } from './activity-interceptors';
import { workflowBundlePath } from './workflow-bundle-path';
import { workerTuning } from './worker-tuning';
import { tracingActivityInterceptors, workflowTracingSinks } from './worker-tracing';

const CONNECT_RETRY_MS = 1000;

/**
 * Hosts the Temporal workers: the main one (workflows and their activities) and one for documents
 * on their own task queue, with DOCUMENT_RENDER_SLOTS slots. Created on init, run on bootstrap,
 * drained on shutdown.
 */
@Injectable()
export class TemporalWorkerService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private documentWorker?: Worker;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfigService,
    private readonly activities: ActivitiesRegistry,
    private readonly interceptors: ActivityInterceptors,
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
      interceptors: { activity: [...tracingActivityInterceptors(), ...this.interceptors.all] },
      sinks: { ...workflowTracingSinks() },
      shutdownGraceTime: '20s',
      ...workerTuning({ maxCachedWorkflows: this.config.values.TEMPORAL_MAX_CACHED_WORKFLOWS }),
    });
    this.documentWorker = await Worker.create({
      connection,
      namespace,
      taskQueue: documentTaskQueue(taskQueue),
      activities: this.activities.documents(),
      interceptors: { activity: [...tracingActivityInterceptors(), ...this.interceptors.all] },
      shutdownGraceTime: '20s',
      maxConcurrentActivityTaskExecutions: this.config.values.DOCUMENT_RENDER_SLOTS,
    });
    this.logger.log(`worker ready on ${address}, namespace ${namespace}, task queues ${taskQueue} and ${documentTaskQueue(taskQueue)}`);
  }

  onApplicationBootstrap(): void {
    const run = (worker: Worker | undefined, name: string) =>
      worker?.run().catch((error: Error) => {
        this.logger.error(`${name} stopped: ${error.message}`);
        process.exitCode = 1;
      });
    this.running = Promise.all([run(this.worker, 'worker'), run(this.documentWorker, 'document worker')]);
  }

  /** The main worker's state, unless the document worker is not running; STARTING before they exist. The probes read it. */
  state(): ReturnType<Worker['getState']> | 'STARTING' {
    if (!this.worker || !this.documentWorker) return 'STARTING';
    const documents = this.documentWorker.getState();
    return documents === 'RUNNING' ? this.worker.getState() : documents;
  }

  async onModuleDestroy(): Promise<void> {
    for (const worker of [this.worker, this.documentWorker]) if (worker?.getState() === 'RUNNING') worker.shutdown();
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
