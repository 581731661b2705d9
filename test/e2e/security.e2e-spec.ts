import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { Api } from '../support/contract';
import { eventually, Http } from '../support/http';
import { freePort, Stack } from '../support/stack';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer, token } from '../support/tokens';

const ROOT = join(__dirname, '../..');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, SKIP_BUILD: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stderr: stderr.trim() }));
  });
}

describe('production auth: the API refuses to start without a secret of its own', () => {
  const checkConfig = (env: Record<string, string>) =>
    run(['dist/apps/api/main.js', '--check-config'], { DATABASE_URL: 'postgres://127.0.0.1/placeholder', AUTH_JWT_SECRET: '', ...env });

  it.each([
    [{ NODE_ENV: 'production' }, /^configuration error: NODE_ENV=production needs a way to verify tokens/],
    [
      { NODE_ENV: 'production', AUTH_JWT_SECRET: 'reform-local-dev-secret' },
      /^configuration error: AUTH_JWT_SECRET is the published local default/,
    ],
  ])('with %j it ends with one line naming the variable', async (env, message) => {
    const { code, stderr } = await checkConfig(env);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('starts with a secret of its own (OIDC-only settings: security.config.spec.ts)', async () => {
    expect(await checkConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'an-operator-chosen-secret-value' })).toEqual({
      code: 0,
      stderr: '',
    });
  });

  it('npm start says so too', async () => {
    const ports = { PORT: String(await freePort()), TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()) };
    const { code, stderr } = await run(['infra/local/start.mjs'], { NODE_ENV: 'production', ...ports });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^configuration error: NODE_ENV=production needs a way to verify tokens/);
  });
});

describe('the audit log on the running stack (external PostgreSQL)', () => {
  let db: TestDatabase;
  let stack: Stack;
  let http: Http;
  const officerToken = token({ sub: 'officer-sec', roles: ['officer'] });
  const officer = { authorization: `Bearer ${officerToken}` };
  const unit = bearer({ sub: 'unit-sec', roles: ['unit'], unitId: 'U-SEC' });
  const supervisor = bearer({ sub: 'supervisor-sec', roles: ['supervisor'] });
  const auditor = bearer({ sub: 'auditor-sec', roles: ['auditor'] });

  beforeAll(async () => {
    db = await createTestDatabase();
    stack = await Stack.start({ env: { DATABASE_URL: db.url } });
    http = new Http(stack.url(''));
    // The unit of the findings and of the unit token below (v1.1: both must name a registered unit).
    await new Api(stack.url('')).registerUnits('U-SEC');
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it('serves security headers and no CORS from the built API', async () => {
    const response = await http.request('GET', '/api/v1/cases', { headers: { ...officer, origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('chains the events the workflows write — steps and timers racing — and verify finds an edit made in SQL', async () => {
    // Due in 3 s: the reminder, the deadline and the escalations (POLICY_* of seconds) fire while the steps run.
    const dueAt = new Date(Date.now() + 3_000).toISOString();
    const opened = await http.post<{ findings: Array<{ id: string }> }>(
      '/api/v1/cases',
      {
        title: '审计链测试案',
        summary: '案情',
        source: 'audit',
        findings: [
          { title: '问题一', description: '描述', unitId: 'U-SEC', dueAt },
          { title: '问题二', description: '描述', unitId: 'U-SEC', dueAt },
        ],
      },
      officer,
    );
    expect(opened.status).toBe(201);
    const [first, second] = opened.body.findings.map((finding) => finding.id);
    expect((await http.post(`/api/v1/findings/${first}/plan`, { content: '方案' }, unit)).status).toBe(200);
    expect((await http.post(`/api/v1/findings/${first}/plan/decision`, { decision: 'approve', comment: '同意' }, supervisor)).status).toBe(
      200,
    );
    await eventually(
      () => http.get<{ events: Array<{ type: string }> }>(`/api/v1/findings/${second}`, auditor),
      (response) => response.body.events.filter((event) => event.type === 'ESCALATED').length >= 2,
    );

    const verified = await http.get<{ ok: boolean; entries: number }>('/api/v1/audit/verify', auditor);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ ok: true, entries: expect.any(Number) });
    expect(verified.body.entries).toBeGreaterThanOrEqual(10);
    expect((await http.get('/api/v1/audit/verify', unit)).status).toBe(403);
    expect((await http.get('/api/v1/audit/verify', officer)).status).toBe(403);

    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      await expect(sql.query(`UPDATE events SET actor = 'nobody' WHERE entity_id = $1`, [first])).rejects.toThrow(/append-only/);
      await expect(sql.query('DELETE FROM events WHERE entity_id = $1', [first])).rejects.toThrow(/append-only/);
      await sql.query('DROP TRIGGER trg_events_append_only ON events');
      await sql.query(`UPDATE events SET data = '{"content": "改写的方案"}' WHERE entity_id = $1 AND type = 'PLAN_SUBMITTED'`, [first]);
      const [{ seq }] = (await sql.query(`SELECT seq FROM events WHERE entity_id = $1 AND type = 'PLAN_SUBMITTED'`, [first])).rows;
      const tampered = await http.get('/api/v1/audit/verify', auditor);
      expect(tampered.body).toMatchObject({ ok: false, firstBrokenSeq: seq, entityId: first, reason: 'content' });
      expect(await http.get(`/api/v1/audit/verify?entityId=${second}`, supervisor)).toMatchObject({ status: 200, body: { ok: true } });
    } finally {
      await sql.end();
    }
  });

  it('logs request and user ids, and no token', async () => {
    await http.request('GET', '/api/v1/cases', { headers: { ...officer, 'x-request-id': 'e2e-trace-42' } });
    await eventually(
      async () => stack.output,
      (output) => output.includes('e2e-trace-42'),
      10_000,
    );
    const line = stack.output.split('\n').find((entry) => entry.includes('e2e-trace-42')) ?? '';
    expect(line).toContain('officer-sec');
    expect(stack.output).not.toContain(officerToken);
    expect(stack.output).not.toContain(officerToken.split('.')[2]);
  });
});
