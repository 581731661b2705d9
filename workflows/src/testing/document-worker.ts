import { documentTaskQueue } from '@reform/contracts';
import { Worker, type NativeConnection } from '@temporalio/worker';

/**
 * The activity-only worker a test's findings need beside their own: documents are issued on the
 * task queue next to the workflow's (documentTaskQueue), as the product's worker serves them.
 */
export function createDocumentWorker(connection: NativeConnection, taskQueue: string, activities: object): Promise<Worker> {
  return Worker.create({ connection, taskQueue: documentTaskQueue(taskQueue), activities });
}
