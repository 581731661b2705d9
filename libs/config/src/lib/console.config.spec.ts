import { loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/db' };

describe('console settings', () => {
  it('keeps local sign-in off and the console directory unset by default', () => {
    const config = loadConfig(base);
    expect(config.AUTH_DEV_LOGIN).toBe(false);
    expect(config.CONSOLE_DIR).toBeUndefined();
  });

  it('turns local sign-in on with AUTH_DEV_LOGIN=true', () => {
    expect(loadConfig({ ...base, AUTH_DEV_LOGIN: 'true' }).AUTH_DEV_LOGIN).toBe(true);
  });

  it('names the variable for anything but true or false', () => {
    expect(() => loadConfig({ ...base, AUTH_DEV_LOGIN: 'yes' })).toThrow(/^AUTH_DEV_LOGIN="yes": expected true or false/);
  });

  it('refuses local sign-in in production', () => {
    const production = { ...base, NODE_ENV: 'production', AUTH_JWT_SECRET: 'an-operator-chosen-secret' };
    expect(() => loadConfig({ ...production, AUTH_DEV_LOGIN: 'true' })).toThrow(/AUTH_DEV_LOGIN=true .* refused with NODE_ENV=production/);
    expect(loadConfig(production).AUTH_DEV_LOGIN).toBe(false);
  });
});
