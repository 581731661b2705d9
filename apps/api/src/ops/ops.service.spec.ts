import type { AppConfigService } from '@reform/config';
import type { ReconciliationRun } from '@reform/contracts';
import type { ReconciliationStore } from '@reform/persistence';
import { OpsService } from './ops.service';

describe('OpsService', () => {
  const config = { values: { RECONCILE_EVERY: 'PT1H' } } as AppConfigService;

  it('shows the schedule and that no run has happened yet', async () => {
    const store = { lastRun: jest.fn(async () => null) } as unknown as ReconciliationStore;
    expect(await new OpsService(store, config).reconciliation()).toEqual({
      schedule: { id: 'reconciliation', every: 'PT1H' },
      lastRun: null,
    });
  });

  it('shows the last run as stored', async () => {
    const run = { id: 'r1', status: 'completed', drifts: [] } as unknown as ReconciliationRun;
    const store = { lastRun: jest.fn(async () => run) } as unknown as ReconciliationStore;
    expect((await new OpsService(store, config).reconciliation()).lastRun).toBe(run);
  });
});
