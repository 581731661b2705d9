import { loadConfig } from './app-config';
import { authSettingsProblem, DEFAULT_RATE_LIMIT_PER_MINUTE, LOCAL_JWT_SECRET } from './security.config';

const base = { DATABASE_URL: 'postgres://localhost/db' };
const OWN_SECRET = 'a-production-secret-of-some-length';
const JWKS = 'https://id.example.gov.cn/.well-known/jwks.json';

const problemWith = (env: Record<string, string>) => authSettingsProblem(loadConfig({ ...base, ...env }).auth);

describe('auth settings', () => {
  it('falls back to the local secret outside production', () => {
    expect(loadConfig(base).auth).toEqual({
      hs256Secret: LOCAL_JWT_SECRET,
      jwksUrl: null,
      issuer: null,
      audience: null,
      production: false,
    });
    expect(problemWith({})).toBeUndefined();
  });

  it('reads the OIDC settings', () => {
    const { auth } = loadConfig({ ...base, AUTH_JWKS_URL: JWKS, AUTH_ISSUER: 'https://id.example.gov.cn', AUTH_AUDIENCE: 'reform-api' });
    expect(auth).toMatchObject({ jwksUrl: JWKS, issuer: 'https://id.example.gov.cn', audience: 'reform-api' });
  });

  it.each([
    [{}, /needs a way to verify tokens: set AUTH_JWKS_URL \(OIDC\) or AUTH_JWT_SECRET/],
    [{ AUTH_JWT_SECRET: LOCAL_JWT_SECRET }, /AUTH_JWT_SECRET is the published local default/],
    [{ AUTH_JWT_SECRET: LOCAL_JWT_SECRET, AUTH_JWKS_URL: JWKS }, /AUTH_JWT_SECRET is the published local default/],
    [{ AUTH_JWKS_URL: 'http://id.example/jwks' }, /^AUTH_JWKS_URL="http:\/\/id.example\/jwks": expected an https:\/\/ URL/],
  ])('refuses to start in production with %j', (env, message) => {
    expect(problemWith({ NODE_ENV: 'production', ...env })).toMatch(message);
  });

  it('in production accepts HS256 only with a secret the operator set', () => {
    expect(problemWith({ NODE_ENV: 'production', AUTH_JWT_SECRET: OWN_SECRET })).toBeUndefined();
    const oidcOnly = loadConfig({ ...base, NODE_ENV: 'production', AUTH_JWKS_URL: JWKS }).auth;
    expect(oidcOnly.hs256Secret).toBeNull();
    expect(authSettingsProblem(oidcOnly)).toBeUndefined();
  });
});

describe('HTTP hardening settings', () => {
  it('has a generous rate limit and no CORS by default', () => {
    const config = loadConfig(base);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    expect(config.CORS_ORIGINS).toBeUndefined();
  });

  it('reads a list of CORS origins and a rate limit', () => {
    const config = loadConfig({ ...base, CORS_ORIGINS: 'https://a.example, http://localhost:4200', RATE_LIMIT_PER_MINUTE: '0' });
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'http://localhost:4200']);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(0);
  });

  it.each([
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /^RATE_LIMIT_PER_MINUTE="-1": expected a whole number/],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, /^RATE_LIMIT_PER_MINUTE="lots": expected a whole number/],
    [{ CORS_ORIGINS: 'https://a.example/path' }, /^CORS_ORIGINS="https:\/\/a.example\/path": expected comma-separated origins/],
    [{ CORS_ORIGINS: '*' }, /^CORS_ORIGINS="\*": expected comma-separated origins/],
    [{ AUTH_JWKS_URL: 'not a url' }, /^AUTH_JWKS_URL="not a url": expected the http\(s\) URL of a JSON Web Key Set/],
    [{ AUTH_JWKS_URL: 'ftp://id.example/jwks' }, /^AUTH_JWKS_URL="ftp:\/\/id.example\/jwks": expected the http\(s\) URL/],
  ])('names the variable for %j', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });
});
