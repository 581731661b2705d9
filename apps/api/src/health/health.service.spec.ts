import type { DeliveryQueries } from '@reform/persistence';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { HealthService } from './health.service';

function setUp(options: { database?: boolean; temporal?: boolean; counts?: () => Promise<{ pending: number; failed: number }> } = {}) {
  const dataSource = { query: jest.fn(async () => (options.database === false ? Promise.reject(new Error('down')) : [{ '?column?': 1 }])) };
  const getSystemInfo = jest.fn(async () => (options.temporal === false ? Promise.reject(new Error('down')) : {}));
  const deliveries = { counts: jest.fn(options.counts ?? (async () => ({ pending: 3, failed: 1 }))) };
  return new HealthService(
    dataSource as unknown as DataSource,
    { workflowService: { getSystemInfo } } as unknown as Client,
    deliveries as unknown as DeliveryQueries,
  );
}

describe('HealthService', () => {
  it("adds the outbox's pending and failed deliveries beside the checks", async () => {
    expect(await setUp().check()).toEqual({
      status: 'ok',
      checks: { database: 'up', temporal: 'up' },
      details: { notifications: { pending: 3, failed: 1 } },
    });
  });

  it('leaves the details out, and the status as the checks say, when the counts cannot be read', async () => {
    const failing = setUp({ counts: async () => Promise.reject(new Error('relation "notification_deliveries" does not exist')) });
    expect(await failing.check()).toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
  });

  it('lets only the checks decide the status', async () => {
    expect(await setUp({ temporal: false }).check()).toEqual({
      status: 'error',
      checks: { database: 'up', temporal: 'down' },
      details: { notifications: { pending: 3, failed: 1 } },
    });
  });
});
