import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { RECONCILIATION_SCHEDULE_ID, type ReconciliationRun } from '@reform/contracts';
import { ReconciliationStore } from '@reform/persistence';

/** 对账 as GET /ops/reconciliation shows it: the Schedule's interval and the last run. */
export interface ReconciliationReport {
  schedule: { id: string; every: string };
  lastRun: ReconciliationRun | null;
}

@Injectable()
export class OpsService {
  constructor(
    private readonly store: ReconciliationStore,
    private readonly config: AppConfigService,
  ) {}

  async reconciliation(): Promise<ReconciliationReport> {
    return {
      schedule: { id: RECONCILIATION_SCHEDULE_ID, every: this.config.values.RECONCILE_EVERY },
      lastRun: await this.store.lastRun(),
    };
  }
}
