import { WorkflowNotFoundError } from '@temporalio/client';
import {
  caseWorkflowId,
  findingWorkflowId,
  type Drift,
  type FindingRecord,
  type ReconciliationBatch,
  type ReconciliationBatchInput,
} from '@reform/contracts';
import type { ReconciliationStore, StoredFinding } from '@reform/persistence';
import { agrees, compareFinding } from './finding-drift';
import type { RunningWorkflow } from './running-workflows';

/** Checks at once per batch; each is a query (and maybe a describe) on the Temporal frontend. */
const CONCURRENCY = 8;
/** A workflow or row this young without its counterpart is a case still opening, not drift. */
export const OPENING_GRACE_MS = 120_000;

/** What reconciliation asks Temporal; WorkflowNotFoundError when there is no such workflow. */
export interface WorkflowsPort {
  findingRecord(workflowId: string): Promise<FindingRecord>;
  /** The run's status and whether a projection activity of it is scheduled or retrying. */
  describe(workflowId: string): Promise<{ status: string; projecting: boolean }>;
  runningPage(token: string | null, limit: number): Promise<{ workflows: RunningWorkflow[]; next: string | null }>;
}

export type ReconciliationRows = Pick<
  ReconciliationStore,
  'openFindings' | 'finding' | 'openCaseIds' | 'existing' | 'reproject' | 'recordDrifts'
>;

interface Outcome {
  drifts: Drift[];
  inFlight: boolean;
}
const OK: Outcome = { drifts: [], inFlight: false };
const IN_FLIGHT: Outcome = { drifts: [], inFlight: true };

/**
 * 对账 — compares PostgreSQL with the workflows, one batch at a time. The one safe repair is
 * re-projecting a finding's row from its own workflow's record (never over a newer row);
 * everything else is reported.
 */
export class Reconciler {
  constructor(
    private readonly rows: ReconciliationRows,
    private readonly workflows: WorkflowsPort,
    private readonly heartbeat: () => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async findings({ runId, after, limit }: ReconciliationBatchInput): Promise<ReconciliationBatch> {
    const rows = await this.rows.openFindings(after, limit);
    const outcomes = await this.each(rows, (row) => this.checkFinding(row));
    return this.batch(runId, outcomes, rows.length === limit ? rows[rows.length - 1].record.id : null);
  }

  async cases({ runId, after, limit }: ReconciliationBatchInput): Promise<ReconciliationBatch> {
    const ids = await this.rows.openCaseIds(after, limit);
    const outcomes = await this.each(ids, (id) => this.checkCase(id));
    return this.batch(runId, outcomes, ids.length === limit ? ids[ids.length - 1] : null);
  }

  async runningWorkflows({ runId, after, limit }: ReconciliationBatchInput): Promise<ReconciliationBatch> {
    const page = await this.workflows.runningPage(after, limit);
    const ids = (type: RunningWorkflow['type']) => page.workflows.filter((w) => w.type === type).map((w) => w.entityId);
    const [findings, cases] = await Promise.all([this.rows.existing('findings', ids('finding')), this.rows.existing('cases', ids('case'))]);
    const orphans = page.workflows.filter((w) => !(w.type === 'finding' ? findings : cases).has(w.entityId));
    const outcomes = await this.each(orphans, (orphan) => this.checkOrphan(orphan));
    return { ...(await this.batch(runId, outcomes, page.next)), checked: page.workflows.length };
  }

  private async batch(runId: string, outcomes: Outcome[], next: string | null): Promise<ReconciliationBatch> {
    const drifts = outcomes.flatMap((outcome) => outcome.drifts);
    await this.rows.recordDrifts(runId, drifts);
    return { checked: outcomes.length, inFlight: outcomes.filter((o) => o.inFlight).length, drifts: drifts.length, next };
  }

  async checkFinding(stored: StoredFinding): Promise<Outcome> {
    const { id } = stored.record;
    const workflowId = findingWorkflowId(id);
    let workflow: FindingRecord;
    try {
      workflow = await this.workflows.findingRecord(workflowId);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) return drifted(finding(id, 'query-failed', message(error)));
      // A case (a recommendation, at issue) writes its findings' rows first and starts their workflows right after.
      if (this.now() - Date.parse(stored.record.updatedAt) < OPENING_GRACE_MS) return IN_FLIGHT;
      return drifted(finding(id, 'workflow-missing', `no workflow ${workflowId}`));
    }
    if (agrees(compareFinding(stored.record, stored.eventCount, workflow))) return OK;

    // Asked after the query: a projection scheduled by the state it saw shows here as pending.
    const run = await this.workflows.describe(workflowId);
    if (run.status !== 'RUNNING')
      return drifted(finding(id, 'workflow-missing', `workflow ${workflowId} is ${run.status} while the finding is open`));
    if (run.projecting) return IN_FLIGHT;
    const again = (await this.rows.finding(id)) ?? stored;
    const comparison = compareFinding(again.record, again.eventCount, workflow);
    if (agrees(comparison)) return OK;

    const drifts: Drift[] = [];
    if (comparison.rowAhead) {
      drifts.push(finding(id, 'projection-differs', `row version ${again.record.version} is ahead of the workflow's ${workflow.version}`));
    } else if (comparison.fields.length > 0) {
      const repaired = await this.rows.reproject(workflow);
      const detail = `${comparison.fields.join(', ')} differed from the workflow (row version ${again.record.version}, workflow ${workflow.version}); re-projected`;
      drifts.push({ ...finding(id, 'projection-differs', detail), repaired });
    }
    if (comparison.missingEvents > 0) {
      drifts.push(finding(id, 'events-missing', `the timeline holds ${again.eventCount} of the workflow's ${workflow.version} events`));
    }
    return { drifts, inFlight: false };
  }

  private async checkCase(id: string): Promise<Outcome> {
    const workflowId = caseWorkflowId(id);
    try {
      const run = await this.workflows.describe(workflowId);
      if (run.status === 'RUNNING') return OK;
      return drifted(caseDrift(id, 'workflow-missing', `workflow ${workflowId} is ${run.status} while the case is OPEN`));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return drifted(caseDrift(id, 'workflow-missing', `no workflow ${workflowId}`));
      return drifted(caseDrift(id, 'query-failed', message(error)));
    }
  }

  /** A running workflow without its row: re-projected when its case row is there to hold it. */
  private async checkOrphan(orphan: RunningWorkflow): Promise<Outcome> {
    if (this.now() - orphan.startedAtMs < OPENING_GRACE_MS) return IN_FLIGHT;
    if (orphan.type === 'case')
      return drifted(caseDrift(orphan.entityId, 'row-missing', `workflow ${orphan.workflowId} runs but the case has no row`));
    let workflow: FindingRecord;
    try {
      workflow = await this.workflows.findingRecord(orphan.workflowId);
    } catch (error) {
      return drifted(finding(orphan.entityId, 'query-failed', message(error)));
    }
    const caseRow = await this.rows.existing('cases', [workflow.caseId]);
    if (caseRow.size === 0) {
      return drifted(
        finding(
          orphan.entityId,
          'row-missing',
          `workflow ${orphan.workflowId} runs but neither the finding nor its case ${workflow.caseId} has a row`,
        ),
      );
    }
    const repaired = await this.rows.reproject(workflow);
    const stored = await this.rows.finding(orphan.entityId);
    const drifts: Drift[] = [
      { ...finding(orphan.entityId, 'row-missing', `workflow ${orphan.workflowId} ran without its row; re-projected`), repaired },
    ];
    const held = stored?.eventCount ?? 0;
    if (workflow.version > held)
      drifts.push(finding(orphan.entityId, 'events-missing', `the timeline holds ${held} of the workflow's ${workflow.version} events`));
    return { drifts, inFlight: false };
  }

  /** Runs `check` over `items`, a few at a time, heartbeating as each finishes. */
  private async each<T>(items: T[], check: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
    const results: Outcome[] = new Array(items.length);
    let next = 0;
    const lane = async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await check(items[index]);
        this.heartbeat();
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
    return results;
  }
}

const finding = (entityId: string, kind: Drift['kind'], detail: string): Drift => ({
  entityType: 'finding',
  entityId,
  kind,
  detail,
  repaired: false,
});
const caseDrift = (entityId: string, kind: Drift['kind'], detail: string): Drift => ({
  entityType: 'case',
  entityId,
  kind,
  detail,
  repaired: false,
});
const drifted = (drift: Drift): Outcome => ({ drifts: [drift], inFlight: false });

/** The error and what caused it: "Failed to query Workflow" alone says little. */
function message(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
