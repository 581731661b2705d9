import type { AppConfigService } from '@reform/config';
import type { ReconciliationRun } from '@reform/contracts';
import type { ReconciliationStore } from '@reform/persistence';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { OpsService } from './ops.service';

describe('OpsService', () => {
  const config = { values: { RECONCILE_EVERY: 'PT1H' } } as AppConfigService;
  const { scope } = registerOf();
  const supervisor = { id: 'sup-1', name: 'sup-1', roles: ['supervisor' as const] };

  it('shows the schedule and that no run has happened yet', async () => {
    const store = { lastRun: jest.fn(async () => null) } as unknown as ReconciliationStore;
    expect(await new OpsService(store, config, scope).reconciliation(supervisor)).toEqual({
      schedule: { id: 'reconciliation', every: 'PT1H' },
      lastRun: null,
    });
  });

  it('shows the last run as stored', async () => {
    const run = { id: 'r1', status: 'completed', drifts: [] } as unknown as ReconciliationRun;
    const store = { lastRun: jest.fn(async () => run) } as unknown as ReconciliationStore;
    expect((await new OpsService(store, config, scope).reconciliation(supervisor)).lastRun).toBe(run);
    expect(store.lastRun).toHaveBeenCalledWith(undefined);
  });

  it('shows a scoped supervisor only the drifts within the jurisdiction', async () => {
    const { scope: scoped } = registerOf([ROOT, orgUnit('OFF-1', 'office', 'ROOT', { supervises: ['U1'] }), orgUnit('U1', 'unit', 'ROOT')]);
    const store = { lastRun: jest.fn(async () => null) } as unknown as ReconciliationStore;
    await new OpsService(store, config, scoped).reconciliation({ ...supervisor, orgUnitId: 'OFF-1' });
    expect(store.lastRun).toHaveBeenCalledWith([{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFF-1'] }]);
  });
});
