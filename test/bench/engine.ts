import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  makeTelemetryFilterString,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { join } from 'node:path';

/** Bundled while the stack starts, so that the engine's baselines cost no extra wall time. */
export function bundleEngineWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: join(__dirname, 'engine/workflows.ts'), logger: quietLogger });
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`[bench engine] ${message}\n`),
};

/**
 * A bare `@temporalio/client` and a bare worker on the same server as the product, on a task
 * queue of their own: what the engine does with nothing of the product in the way.
 */
export class Engine {
  private running?: Promise<void>;

  private constructor(
    readonly client: Client,
    readonly taskQueue: string,
    private readonly connection: Connection,
    private readonly worker: Worker,
    private readonly workerConnection: NativeConnection,
  ) {}

  static async start(address: string, bundle: WorkflowBundleWithSourceMap, cachedWorkflows: number): Promise<Engine> {
    // The SDK core prints its own logs on stdout unless forwarded; stdout is the JSON line's.
    Runtime.install({
      logger: new DefaultLogger('WARN', ({ level, message }) => process.stderr.write(`[bench engine] ${level} ${message}\n`)),
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
    });
    const taskQueue = `bench-engine-${process.pid}-${Date.now()}`;
    const connection = await Connection.connect({ address });
    const workerConnection = await NativeConnection.connect({ address });
    // The product worker's shape (apps/worker/src/temporal/worker-tuning.ts), with room for every
    // sleeper in its cache, so that the baseline differs from the product by the product's own work.
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle: bundle,
      maxCachedWorkflows: cachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: 100,
      workflowTaskPollerBehavior: { type: 'autoscaling', minimum: 2, initial: 8, maximum: 50 },
    });
    const engine = new Engine(new Client({ connection }), taskQueue, connection, worker, workerConnection);
    engine.running = worker.run();
    return engine;
  }

  async stop(): Promise<void> {
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.workerConnection.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}
