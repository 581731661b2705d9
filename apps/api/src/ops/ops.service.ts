import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { RECONCILIATION_SCHEDULE_ID, type Principal, type ReconciliationReport } from '@reform/contracts';
import { ReconciliationStore } from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';

@Injectable()
export class OpsService {
  constructor(
    private readonly store: ReconciliationStore,
    private readonly config: AppConfigService,
    private readonly scope: AccessScope,
  ) {}

  /** Within a jurisdiction, the drifts of its findings and cases only. */
  async reconciliation(user: Principal): Promise<ReconciliationReport> {
    const { within } = await this.scope.scopeFor(user);
    return {
      schedule: { id: RECONCILIATION_SCHEDULE_ID, every: this.config.values.RECONCILE_EVERY },
      lastRun: await this.store.lastRun(within),
    };
  }
}
