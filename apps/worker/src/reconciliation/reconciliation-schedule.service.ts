import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleDescription } from '@temporalio/client';
import { AppConfigService } from '@reform/config';
import { RECONCILIATION_SCHEDULE_ID, RECONCILIATION_WORKFLOW_ID, WORKFLOW_TYPES } from '@reform/contracts';
import { untilDone } from '../temporal/until-done';

export type ScheduleOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes sure the `reconciliation` Schedule exists with RECONCILE_EVERY as its interval. Every
 * worker does this at start: the first creates it, the others find it (and correct its interval
 * or task queue when the configuration changed).
 */
@Injectable()
export class ReconciliationScheduleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconciliationScheduleService.name);
  private stopped = false;

  constructor(
    private readonly client: Client,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    void this.ensureUntilDone();
  }

  onModuleDestroy(): void {
    this.stopped = true;
  }

  async ensure(): Promise<ScheduleOutcome> {
    const every = this.config.reconcileEveryMs;
    const { taskQueue } = this.config.temporal;
    try {
      await this.client.schedule.create({
        scheduleId: RECONCILIATION_SCHEDULE_ID,
        spec: { intervals: [{ every }] },
        action: {
          type: 'startWorkflow',
          workflowType: WORKFLOW_TYPES.reconciliation,
          workflowId: RECONCILIATION_WORKFLOW_ID,
          taskQueue,
          args: [{}],
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      });
      return 'created';
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
    const handle = this.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID);
    if (upToDate(await handle.describe(), every, taskQueue)) return 'unchanged';
    await handle.update((previous) => ({
      ...previous,
      spec: { intervals: [{ every }] },
      action: { ...previous.action, taskQueue },
    }));
    return 'updated';
  }

  private async ensureUntilDone(): Promise<void> {
    const outcome = await untilDone(
      'reconciliation schedule',
      this.logger,
      () => this.stopped,
      () => this.ensure(),
    );
    if (outcome) this.logger.log(`reconciliation schedule ${outcome}: every ${this.config.values.RECONCILE_EVERY}`);
  }
}

function upToDate(schedule: ScheduleDescription, every: number, taskQueue: string): boolean {
  const intervals = schedule.spec.intervals ?? [];
  return intervals.length === 1 && intervals[0].every === every && schedule.action.taskQueue === taskQueue;
}
