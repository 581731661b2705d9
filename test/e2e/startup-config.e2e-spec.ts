import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../support/stack';

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

const start = (env: Record<string, string>) => run(['infra/local/start.mjs'], env);
const api = (env: Record<string, string>) => run(['dist/apps/api/main.js'], env);
const worker = (env: Record<string, string>) => run(['dist/apps/worker/main.js'], env);

describe('startup refuses bad configuration with one line naming the variable', () => {
  it.each([
    [{ PORT: 'abc' }, /^PORT="abc": expected a port number/],
    [{ TEMPORAL_PORT: '99999' }, /^TEMPORAL_PORT="99999": expected a port number/],
    [{ POLICY_ESCALATION_STEP: '7 days' }, /^configuration error: POLICY_ESCALATION_STEP="7 days" is not an ISO-8601 duration/],
    [{ POLICY_PLAN_DUE: 'P1Y' }, /^configuration error: POLICY_PLAN_DUE="P1Y" years are not accepted: write months, P1M to P12M/],
    [{ TEMPORAL_ADDRESS: 'not an address' }, /^configuration error: TEMPORAL_ADDRESS="not an address": expected host:port/],
  ])('npm start with %j', async (env, message) => {
    const { code, stderr } = await start({ PORT: String(await freePort()), ...env });
    expect(code).not.toBe(0);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('names the port and the variable when a port is taken', async () => {
    const server: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, resolve));
    try {
      const { code, stderr } = await start({ PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toBe(`port ${port} is already in use: set PORT to a free port`);
    } finally {
      server.close();
    }
  });

  it.each([
    ['api', api],
    ['worker', worker],
  ])('the %s ends when DATABASE_URL is unreachable', async (_name, launch) => {
    const { code, stderr } = await launch({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^configuration error: DATABASE_URL=postgres:\/\/nobody@127\.0\.0\.1:1\/none is unreachable: /);
  });

  it.each([
    ['api', api],
    ['worker', worker],
  ])('the %s accepts policies in months: it gets past the configuration to the database', async (_name, launch) => {
    const { code, stderr } = await launch({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      POLICY_PLAN_DUE: 'P1M',
      POLICY_FOLLOW_UP_AFTER: 'P3M15D',
      POLICY_INTERVIEW_DUE: 'P12M',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^configuration error: DATABASE_URL=postgres:\/\/nobody@127\.0\.0\.1:1\/none is unreachable: /);
  });

  it('the api ends when DATABASE_URL is missing', async () => {
    const { code, stderr } = await api({ DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^configuration error: DATABASE_URL is not set/);
  });
});
