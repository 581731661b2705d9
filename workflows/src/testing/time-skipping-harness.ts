import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createDocumentWorker } from './document-worker';
import type { RecordingActivities } from './recording-activities';
import { timeSkippingServerPath } from './temporal-binaries';

const { bundleOptions } = require('../../bundle.cjs');

/** The time-skipping test server and the workflow bundle a spec file runs against, with a worker per test. */
export class TimeSkippingHarness {
  env!: TestWorkflowEnvironment;
  workflowBundle!: WorkflowBundleWithSourceMap;

  /** `queuePrefix` names each test's task queue, to tell them apart in the server's logs. */
  constructor(private readonly queuePrefix: string) {}

  async start(): Promise<void> {
    this.env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
    });
    this.workflowBundle = await bundleWorkflowCode(bundleOptions());
  }

  async stop(): Promise<void> {
    await this.env?.teardown();
  }

  /** One worker with `store`'s activities (and its documents' one) on a fresh queue, for as long as `run` runs. */
  async withWorker<T>(store: RecordingActivities, run: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `${this.queuePrefix}-${Math.random().toString(36).slice(2)}`;
    const { nativeConnection } = this.env;
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: this.workflowBundle,
      activities: store.activities(),
    });
    const documents = await createDocumentWorker(nativeConnection, taskQueue, store.activities());
    return documents.runUntil(worker.runUntil(run(taskQueue)));
  }
}
