import { Injectable, Logger } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { AppConfigService } from '@reform/config';
import type { FinishReconciliation, ReconciliationActivities, ReconciliationBatch, ReconciliationBatchInput } from '@reform/contracts';
import { ReconciliationStore } from '@reform/persistence';
import { DataSource } from 'typeorm';
import { Reconciler } from './reconciler';
import { TemporalWorkflowsPort } from './temporal-workflows.port';

/** 对账 — the reconciliation workflow's activities: PostgreSQL and Temporal compared, batch by batch. */
@Injectable()
export class ReconciliationActivitiesService implements ReconciliationActivities {
  private readonly logger = new Logger(ReconciliationActivitiesService.name);
  private readonly store: ReconciliationStore;
  private readonly reconciler: Reconciler;

  constructor(dataSource: DataSource, client: Client, config: AppConfigService) {
    this.store = new ReconciliationStore(dataSource);
    this.reconciler = new Reconciler(this.store, new TemporalWorkflowsPort(client, config.temporal.namespace), heartbeat);
  }

  async beginReconciliation({ runId, startedAt }: { runId: string; startedAt: string }): Promise<void> {
    await this.store.begin(runId, startedAt);
  }

  reconcileFindings(input: ReconciliationBatchInput): Promise<ReconciliationBatch> {
    return this.reported(this.reconciler.findings(input));
  }

  reconcileCases(input: ReconciliationBatchInput): Promise<ReconciliationBatch> {
    return this.reported(this.reconciler.cases(input));
  }

  reconcileRunningWorkflows(input: ReconciliationBatchInput): Promise<ReconciliationBatch> {
    return this.reported(this.reconciler.runningWorkflows(input));
  }

  async finishReconciliation(input: FinishReconciliation): Promise<void> {
    await this.store.finish(input);
    this.logger.log(
      `reconciliation ${input.runId} ${input.status}: ${input.findingsChecked} findings, ${input.casesChecked} cases, ${input.workflowsChecked} workflows checked`,
    );
  }

  private async reported(batch: Promise<ReconciliationBatch>): Promise<ReconciliationBatch> {
    const result = await batch;
    if (result.drifts > 0)
      this.logger.warn(`reconciliation found ${result.drifts} drift(s) in a batch; see GET /api/v1/ops/reconciliation`);
    return result;
  }
}

function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // outside an activity (a direct call): nothing to tell
  }
}
