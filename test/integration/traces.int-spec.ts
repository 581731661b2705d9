import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { AppConfigService, loadConfig, LoggingModule, pinoHttpOptions } from '@reform/config';
import { findingWorkflowId } from '@reform/contracts';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { LoggerModule } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The API and the worker in this process, so that one in-memory exporter sees both.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule } from '../../apps/api/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configureHttp } from '../../apps/api/src/http-setup';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Api, Steps, uniqueUnit, unitUser } from '../support/contract';
import { eventually } from '../support/http';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestTracing, type TestTracing } from '../support/tracing';

// The worker loads the bundle production builds (workflows/bundle.cjs), written for this file.
// eslint-disable-next-line @nx/enforce-module-boundaries
const { writeBundle } = require('../../workflows/bundle.cjs') as { writeBundle(outFile: string): Promise<string> };

const TEMPORAL_CLI = process.env['TEMPORAL_CLI'] ?? join(__dirname, '../../.tools/venv/bin/temporal');

/** One step through the API, a Temporal update, the finding's workflow, its projection and PostgreSQL: one trace. */
describe('traces (real PostgreSQL and Temporal, spans to memory)', () => {
  let tracing: TestTracing;
  let database: TestDatabase;
  let temporal: TestWorkflowEnvironment;
  let worker: INestApplicationContext;
  let app: INestApplication;
  let api: Api;
  let bundlePath: string;
  const apiLogs: string[] = [];
  const previousBundle = process.env['WORKFLOW_BUNDLE'];

  /** A module of `root` with `config`, and its log lines in `lines` (JSON, as in production). */
  const compiled = (root: unknown, config: AppConfigService, lines: string[]) =>
    Test.createTestingModule({ imports: [root as never] })
      .overrideProvider(AppConfigService)
      .useValue(config)
      .overrideModule(LoggingModule)
      .useModule(LoggerModule.forRoot({ pinoHttp: [pinoHttpOptions('info', false), { write: (line: string) => void lines.push(line) }] }))
      .compile();

  beforeAll(async () => {
    tracing = startTestTracing();
    [database, temporal] = await Promise.all([
      createTestDatabase(),
      TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: TEMPORAL_CLI } } }),
    ]);
    bundlePath = await writeBundle(join(mkdtempSync(join(tmpdir(), 'reform-traces-')), 'workflow-bundle.js'));
    process.env['WORKFLOW_BUNDLE'] = bundlePath;
    const config = new AppConfigService(
      loadConfig({
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_TASK_QUEUE: `traces-${randomBytes(4).toString('hex')}`,
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'info',
      }),
    );
    worker = await (await compiled(WorkerModule, config, [])).init();
    app = (await compiled(AppModule, config, apiLogs)).createNestApplication<NestExpressApplication>();
    configureHttp(app as NestExpressApplication, config.values);
    await app.listen(0, '127.0.0.1');
    api = new Api(await app.getUrl());
  });

  afterAll(async () => {
    await app?.close();
    await worker?.close();
    await temporal?.teardown();
    await database?.drop();
    await tracing?.stop();
    if (previousBundle === undefined) delete process.env['WORKFLOW_BUNDLE'];
    else process.env['WORKFLOW_BUNDLE'] = previousBundle;
  });

  it('shows POST /findings/:id/plan as one trace, from the HTTP server span down to the SQL of its projection', async () => {
    const unitId = uniqueUnit();
    await api.registerUnits(unitId);
    const finding = await new Steps(api).oneFinding(unitId);

    const planned = await api.post(`/api/v1/findings/${finding.id}/plan`, { content: '整改方案：完善制度' }, unitUser(unitId));
    expect(planned.status).toBe(200);
    const traceId = planned.headers.get('x-request-id') ?? '';
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    // The workflow's spans reach the exporter through a sink, a moment after the update answered.
    const trace = await eventually(
      async () => (await tracing.spans()).filter((span) => span.spanContext().traceId === traceId),
      (spans) => spans.some((span) => span.name === 'HandleUpdate:findingCommand'),
    );
    const byId = new Map(trace.map((span) => [span.spanContext().spanId, span]));
    const ancestors = (span: ReadableSpan): string[] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? [parent.name, ...ancestors(parent)] : [];
    };
    const named = (name: string) => {
      const found = trace.find((span) => span.name === name);
      if (!found) throw new Error(`no span ${name} among ${trace.map((span) => span.name).join(', ')}`);
      return found;
    };

    const server = trace.find((span) => span.attributes['http.target'] === `/api/v1/findings/${finding.id}/plan`);
    expect(server?.parentSpanId).toBeUndefined();
    expect(ancestors(named('StartWorkflowUpdate:findingCommand'))).toEqual([server?.name]);
    expect(ancestors(named('RunActivity:projectFinding'))).toEqual([
      'StartActivity:projectFinding',
      'HandleUpdate:findingCommand',
      'StartWorkflowUpdate:findingCommand',
      server?.name,
    ]);
    const projectionSql = trace.filter((span) => span.name.startsWith('pg.') && ancestors(span).includes('RunActivity:projectFinding'));
    expect(projectionSql.length).toBeGreaterThan(0);
    // The API's own reads (the finding, its jurisdiction) are SQL spans of the request too.
    expect(trace.some((span) => span.name.startsWith('pg.') && ancestors(span).at(-1) === server?.name)).toBe(true);

    // The request id of its log lines is the trace id.
    const completed = apiLogs
      .map((line) => JSON.parse(line) as { requestId?: string; req?: { url?: string } })
      .filter((entry) => entry.req?.url === `/api/v1/findings/${finding.id}/plan`);
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((entry) => entry.requestId === traceId)).toBe(true);
  });

  it('replays the traced history of the finding with the bundle the worker runs', async () => {
    const unitId = uniqueUnit();
    await api.registerUnits(unitId);
    const finding = await new Steps(api).oneFinding(unitId);
    expect((await api.post(`/api/v1/findings/${finding.id}/plan`, { content: '整改方案' }, unitUser(unitId))).status).toBe(200);

    const history = await temporal.client.workflow.getHandle(findingWorkflowId(finding.id)).fetchHistory();
    const traced = history.events?.some((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.header);
    expect(traced).toBe(true);
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: bundlePath }, sinks: { exporter: { export: { fn: () => undefined } } } },
      history,
      findingWorkflowId(finding.id),
    );
  });
});
