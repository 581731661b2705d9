import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WORKFLOW_TYPES, deliveryRetryWorkflowId } from '@reform/contracts';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
// The API's and the worker's metrics as the apps wire them: the client interceptor on a real
// client, and the worker's whole Nest context with its probe server.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ApiMetrics } from '../../apps/api/src/metrics/api-metrics';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { temporalClientMetrics } from '../../apps/api/src/metrics/temporal-client-metrics';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { eventually } from '../support/http';
import { freePort, missingForJob, valueOf } from '../support/prometheus-text';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '../..');

/** The prebuilt bundle when there is one (WORKFLOW_BUNDLE, or `nx run workflows:bundle`'s), else one made for this file. */
async function workflowBundle(): Promise<string> {
  const built = process.env['WORKFLOW_BUNDLE'] ?? join(ROOT, 'dist/workflows/workflow-bundle.js');
  if (existsSync(built)) return built;
  // The bundler the workflows project builds with, so this file needs no build beforehand.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  const { writeBundle } = require('../../workflows/bundle.cjs') as { writeBundle: (file: string) => Promise<string> };
  return writeBundle(join(mkdtempSync(join(tmpdir(), 'reform-bundle-')), 'workflow-bundle.js'));
}

describe('the worker /metrics and the API Temporal client metrics, on Temporal and PostgreSQL', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let worker: INestApplicationContext;
  let client: Client;
  let probes: string;
  const apiMetrics = new ApiMetrics();
  const taskQueue = `metrics-${randomUUID()}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase();
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: process.env['TEMPORAL_CLI'] ?? join(ROOT, '.tools/venv/bin/temporal') } },
    });
    const port = await freePort();
    probes = `http://127.0.0.1:${port}`;
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKER_HEALTH_PORT: String(port),
      WORKFLOW_BUNDLE: await workflowBundle(),
      LOG_LEVEL: 'warn',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    client = new Client({ connection: env.connection, interceptors: { workflow: [temporalClientMetrics(apiMetrics)] } });
  });

  afterAll(async () => {
    await worker?.close();
    await env?.teardown();
    await db?.drop();
    process.env = saved;
  });

  const start = (deliveryId: string) =>
    client.workflow.start(WORKFLOW_TYPES.deliveryRetry, {
      workflowId: deliveryRetryWorkflowId(`${deliveryId}-${randomUUID()}`),
      taskQueue,
      args: [{ deliveryId }],
    });
  const workerMetrics = async () => (await request(probes).get('/metrics').expect(200)).text;

  it('serves the activities and the process beside the probes: durations by outcome, retried attempts counted', async () => {
    // No delivery 0: the retry finds nothing to reopen and completes. "x" is no delivery id at all:
    // PostgreSQL refuses it, and the activity is retried (5 s later) until the workflow is ended.
    await (await start('0')).result();
    const refused = await start('x');
    const text = await eventually(
      workerMetrics,
      (metrics) => (valueOf(metrics, 'reform_activity_retried_attempts_total', { activity_type: 'retryDelivery' }) ?? 0) >= 1,
      60_000,
    );
    await refused.terminate('the test saw it retried');
    const attempts = (outcome: string) =>
      valueOf(text, 'reform_activity_duration_seconds_count', { activity_type: 'retryDelivery', outcome });
    expect(attempts('completed')).toBe(1);
    expect(attempts('failed')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect((await request(probes).get('/health/live')).status).toBe(200);
  });

  it('exports every metric the alert rules and the dashboard read from the reform-worker job', async () => {
    expect(missingForJob(await workerMetrics(), 'reform-worker')).toEqual([]);
  });

  it('times each client call to Temporal by operation and outcome', async () => {
    const handle = await start('0');
    await handle.result();
    await handle.describe();
    await expect(client.workflow.getHandle(`no-such-workflow-${randomUUID()}`).signal('nothing')).rejects.toThrow();
    const text = await apiMetrics.registry.metrics();
    const calls = (operation: string, outcome: string) =>
      valueOf(text, 'temporal_client_request_duration_seconds_count', { operation, outcome });
    expect({
      start: calls('start', 'ok'),
      describe: calls('describe', 'ok'),
      signal: calls('signal', 'error'),
      terminate: calls('terminate', 'ok'),
    }).toEqual({
      start: 3,
      describe: 1,
      signal: 1,
      terminate: 1,
    });
  });
});
