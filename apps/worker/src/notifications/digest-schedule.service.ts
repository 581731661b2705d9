import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { AppConfigService } from '@reform/config';
import { DIGEST_SCHEDULE_ID, WORKFLOW_TYPES } from '@reform/contracts';
import { untilDone } from '../temporal/until-done';

/**
 * 每日待办: the `notification-digest` Schedule starts the daily digest at NOTIFY_DIGEST_AT in
 * TZ_BUSINESS. Every worker makes sure of it at start; without NOTIFY_DIGEST_AT it is removed.
 */
@Injectable()
export class DigestScheduleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DigestScheduleService.name);
  private stopped = false;

  constructor(
    private readonly client: Client,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    void untilDone(
      'digest schedule',
      this.logger,
      () => this.stopped,
      () => this.ensure(),
    ).then((outcome) => {
      if (outcome) this.logger.log(`digest schedule ${outcome}`);
    });
  }

  onModuleDestroy(): void {
    this.stopped = true;
  }

  async ensure(): Promise<string> {
    const at = this.config.values.notify.digestAt;
    const handle = this.client.schedule.getHandle(DIGEST_SCHEDULE_ID);
    if (!at) {
      try {
        await handle.delete();
        return 'removed (NOTIFY_DIGEST_AT is not set)';
      } catch (error) {
        if (error instanceof ScheduleNotFoundError) return 'off (NOTIFY_DIGEST_AT is not set)';
        throw error;
      }
    }
    const options = this.options(at);
    try {
      await this.client.schedule.create(options);
      return `created: daily at ${this.config.values.NOTIFY_DIGEST_AT} ${this.config.values.TZ_BUSINESS}`;
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
    await handle.update((previous) => ({ ...previous, spec: options.spec, action: options.action }));
    return `kept: daily at ${this.config.values.NOTIFY_DIGEST_AT} ${this.config.values.TZ_BUSINESS}`;
  }

  private options(at: { hour: number; minute: number }): ScheduleOptions {
    const timeZone = this.config.values.TZ_BUSINESS;
    return {
      scheduleId: DIGEST_SCHEDULE_ID,
      spec: { calendars: [{ hour: at.hour, minute: at.minute }], timezone: timeZone },
      action: {
        type: 'startWorkflow',
        workflowType: WORKFLOW_TYPES.dailyDigest,
        workflowId: 'notification-digest',
        taskQueue: this.config.temporal.taskQueue,
        args: [{ timeZone }],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    };
  }
}
