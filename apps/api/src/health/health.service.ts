import { Injectable } from '@nestjs/common';
import type { HealthReport } from '@reform/contracts';
import { DeliveryQueries } from '@reform/persistence';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

type CheckState = HealthReport['checks']['database'];

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly deliveries: DeliveryQueries,
  ) {}

  /** The checks decide the status; the outbox's counts only inform, and are left out when they cannot be read. */
  async check(): Promise<HealthReport> {
    const [database, temporal, notifications] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
      withinTimeout(() => this.deliveries.counts()).catch(() => undefined),
    ]);
    const status = database === 'up' && temporal === 'up' ? 'ok' : 'error';
    return { status, checks: { database, temporal }, ...(notifications && { details: { notifications } }) };
  }
}

async function probe(check: () => Promise<unknown>): Promise<CheckState> {
  try {
    await withinTimeout(check);
    return 'up';
  } catch {
    return 'down';
  }
}

async function withinTimeout<T>(call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
