import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { findingRecordQuery, isFindingProjection, type FindingRecord } from '@reform/contracts';
import type { WorkflowsPort } from './reconciler';
import { runningWorkflowsPage } from './running-workflows';

/** No single call to Temporal may hold a batch up longer than this. */
const RPC_DEADLINE_MS = 10_000;
const QUERY_RETRY_MS = 2_000;

/** Reconciliation's questions to Temporal, through the worker's client, each with a deadline. */
export class TemporalWorkflowsPort implements WorkflowsPort {
  constructor(
    private readonly client: Client,
    private readonly namespace: string,
  ) {}

  /** Asked twice: a worker restarting or a workflow task retrying can fail one query. */
  async findingRecord(workflowId: string): Promise<FindingRecord> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      return await this.query(handle);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw error;
      await new Promise((resolve) => setTimeout(resolve, QUERY_RETRY_MS));
      return this.query(handle);
    }
  }

  async describe(workflowId: string): Promise<{ status: string; projecting: boolean }> {
    const description = await this.rpc(() => this.client.workflow.getHandle(workflowId).describe());
    const pending = description.raw.pendingActivities ?? [];
    return { status: description.status.name, projecting: pending.some((activity) => isFindingProjection(activity.activityType?.name)) };
  }

  runningPage(token: string | null, limit: number) {
    return this.rpc(() => runningWorkflowsPage(this.client, this.namespace, token, limit));
  }

  private query(handle: WorkflowHandle): Promise<FindingRecord> {
    return this.rpc(() => handle.query(findingRecordQuery));
  }

  private rpc<T>(call: () => Promise<T>): Promise<T> {
    return this.client.connection.withDeadline(Date.now() + RPC_DEADLINE_MS, call);
  }
}
