import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { RECONCILIATION_SCHEDULE_ID, type ReconciliationReport } from '@reform/contracts';
import { ReconciliationStore } from '@reform/persistence';

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
