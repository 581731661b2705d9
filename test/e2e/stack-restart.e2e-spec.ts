import { Client, Connection } from '@temporalio/client';
import { caseWorkflowId, findingWorkflowId } from '@reform/contracts';
import { Api } from '../support/contract';
import { eventually, Http } from '../support/http';
import { Stack } from '../support/stack';
import { bearer } from '../support/tokens';

const officer = bearer({ sub: 'officer-e2e', roles: ['officer'] });
const auditor = bearer({ sub: 'auditor-e2e', roles: ['auditor'] });

describe('the stack survives SIGKILL of every process (npm start, embedded PostgreSQL)', () => {
  let stack: Stack | undefined;
  afterAll(async () => {
    await stack?.stop();
  });

  it('comes back on the same DATA_DIR with its workflows running, its rows kept and its timers firing', async () => {
    stack = await Stack.start();
    const http = new Http(stack.url(''));
    expect(await http.get('/health')).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: 'up', temporal: 'up' } } });
    expect((await http.get('/api/docs-json')).body).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
    await new Api(stack.url('')).registerUnits('U1');

    const dueAt = new Date(Date.now() + 12_000).toISOString();
    const created = await http.post<{ id: string; code: string; findings: { id: string }[] }>(
      '/api/v1/cases',
      {
        title: '重启测试案',
        summary: '案情',
        source: 'inspection',
        findings: [{ title: '问题', description: '描述', unitId: 'U1', dueAt }],
      },
      officer,
    );
    expect(created.status).toBe(201);
    const findingId = created.body.findings[0].id;

    await stack.crash();
    stack = await Stack.start({ dataDir: stack.dataDir }, stack.ports);
    const again = new Http(stack.url(''));

    const stored = await again.get<{ code: string; findings: { id: string }[] }>(`/api/v1/cases/${created.body.id}`, auditor);
    expect(stored.status).toBe(200);
    expect(stored.body.code).toBe(created.body.code);

    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const client = new Client({ connection });
      const caseRun = await client.workflow.getHandle(caseWorkflowId(created.body.id)).describe();
      // The case answered before starting its finding's workflow; the start was already in its history.
      const findingRun = await eventually(
        () =>
          client.workflow
            .getHandle(findingWorkflowId(findingId))
            .describe()
            .catch(() => undefined),
        (run) => run !== undefined,
      );
      expect(caseRun.status.name).toBe('RUNNING');
      expect(findingRun?.status.name).toBe('RUNNING');
    } finally {
      await connection.close();
    }

    const finding = await eventually(
      () => again.get<{ overdue: boolean; escalationLevel: number; events: { type: string }[] }>(`/api/v1/findings/${findingId}`, auditor),
      (response) => response.body.events?.some((event) => event.type === 'OVERDUE'),
      60_000,
    );
    expect(finding.body).toMatchObject({ overdue: true });
    expect(finding.body.escalationLevel).toBeGreaterThanOrEqual(1);
  });
});
