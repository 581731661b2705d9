import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createDocumentWorker } from './document-worker';
import { RecordingActivities } from './recording-activities';
import { devServerAddress, temporalCliPath } from './temporal-binaries';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleOptions } = require('../../bundle.cjs');

/** A worker with recording activities (and its documents' one) on the shared dev server, a fresh task queue per spec file. */
export class DevServerHarness {
  readonly store = new RecordingActivities();
  readonly taskQueue = `wf-${Math.random().toString(36).slice(2)}`;
  client!: Client;
  private workers: Worker[] = [];
  private running!: Promise<unknown>;
  private connections: { close(): Promise<void> }[] = [];

  /** `activities` join (or replace) the recording ones, for workflows that need others. */
  async start(bundle?: WorkflowBundleWithSourceMap, activities: object = {}): Promise<void> {
    const address = devServerAddress();
    const native = await NativeConnection.connect({ address });
    const connection = await Connection.connect({ address });
    this.connections.push(native, connection);
    this.client = new Client({ connection });
    const all = { ...this.store.activities(), ...activities };
    this.workers = [
      await Worker.create({
        connection: native,
        taskQueue: this.taskQueue,
        workflowBundle: bundle ?? (await bundleWorkflowCode(bundleOptions())),
        activities: all,
      }),
      await createDocumentWorker(native, this.taskQueue, all),
    ];
    this.running = Promise.all(this.workers.map((worker) => worker.run()));
  }

  async stop(): Promise<void> {
    for (const worker of this.workers) worker.shutdown();
    await this.running;
    for (const connection of this.connections) await connection.close();
  }

  /**
   * With RECORD_HISTORIES=1, saves a workflow's history as a replay fixture, so that later
   * changes to workflow code are checked against it (test/fixtures/histories).
   */
  async recordHistory(workflowId: string, name: string): Promise<void> {
    if (process.env['RECORD_HISTORIES'] !== '1') return;
    // The CLI writes the JSON form that historyFromJSON reads back.
    const history = execFileSync(temporalCliPath(), [
      'workflow',
      'show',
      '--workflow-id',
      workflowId,
      '--address',
      devServerAddress(),
      '--output',
      'json',
    ]);
    const dir = join(__dirname, '../../../test/fixtures/histories');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.json`), history);
  }

  /** Polls until `check` holds; the workflows run in real time here. */
  async eventually(check: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The failure type and details an update was rejected with. */
export async function rejectionOf(attempt: Promise<unknown>): Promise<{ type: string | undefined; details: unknown }> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return { type: error.cause.type ?? undefined, details: error.cause.details?.[0] };
    }
    throw error;
  }
  throw new Error('the update was accepted');
}
