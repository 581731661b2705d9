import type { Client } from '@temporalio/client';
import { WORKFLOW_TYPES } from '@reform/contracts';

/** A running case or finding workflow, as the visibility store lists it. */
export interface RunningWorkflow {
  type: 'case' | 'finding';
  workflowId: string;
  entityId: string;
  startedAtMs: number;
}

const QUERY = `ExecutionStatus = 'Running' AND (WorkflowType = '${WORKFLOW_TYPES.case}' OR WorkflowType = '${WORKFLOW_TYPES.finding}')`;
const PREFIXES = { 'case-': 'case', 'finding-': 'finding' } as const;

type Seconds = number | { toNumber(): number } | null | undefined;

/** One page of running case and finding workflows; `token` is the previous page's `next`. */
export async function runningWorkflowsPage(
  client: Client,
  namespace: string,
  token: string | null,
  pageSize: number,
): Promise<{ workflows: RunningWorkflow[]; next: string | null }> {
  const response = await client.workflowService.listWorkflowExecutions({
    namespace,
    pageSize,
    query: QUERY,
    nextPageToken: token ? Buffer.from(token, 'base64') : undefined,
  });
  const workflows = (response.executions ?? []).flatMap((execution): RunningWorkflow[] => {
    const workflowId = execution.execution?.workflowId ?? '';
    const prefix = (Object.keys(PREFIXES) as (keyof typeof PREFIXES)[]).find((p) => workflowId.startsWith(p));
    if (!prefix) return [];
    const seconds = execution.startTime?.seconds as Seconds;
    const startedAtMs = (typeof seconds === 'number' ? seconds : (seconds?.toNumber() ?? 0)) * 1000;
    return [{ type: PREFIXES[prefix], workflowId, entityId: workflowId.slice(prefix.length), startedAtMs }];
  });
  const next = response.nextPageToken?.length ? Buffer.from(response.nextPageToken).toString('base64') : null;
  return { workflows, next };
}
