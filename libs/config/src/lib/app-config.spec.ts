import { loadConfig, LOCAL_JWT_SECRET } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/db' };

describe('loadConfig', () => {
  it('fills defaults', () => {
    const config = loadConfig(base);
    expect(config.PORT).toBe(3000);
    expect(config.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(config.AUTH_JWT_SECRET).toBe(LOCAL_JWT_SECRET);
    expect(config.policy.planDueMs).toBe(7 * 86_400_000);
    expect(config.policy.followUpAfterMs).toBe(90 * 86_400_000);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT="abc": expected a port number/],
    [{ PORT: '70000' }, /^PORT="70000": expected a port from 1 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL="mysql:\/\/x": expected a postgres/],
    [{ TEMPORAL_ADDRESS: 'http://x' }, /^TEMPORAL_ADDRESS=/],
    [{ POLICY_ESCALATION_STEP: '7 days' }, /^POLICY_ESCALATION_STEP="7 days" is not an ISO-8601 duration/],
  ])('names the variable for %j', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });

  it('says when DATABASE_URL is missing', () => {
    expect(() => loadConfig({})).toThrow(/^DATABASE_URL is not set/);
  });

  it('reads policies in seconds', () => {
    expect(loadConfig({ ...base, POLICY_PLAN_DUE: 'PT2S' }).policy.planDueMs).toBe(2000);
  });
});
