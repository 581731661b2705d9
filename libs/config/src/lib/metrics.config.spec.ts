import { loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/db' };

describe('metrics settings', () => {
  it('serves no metrics unless told where', () => {
    expect(loadConfig(base).metrics).toEqual({ kind: 'none' });
  });

  it('serves them behind a token on PORT with METRICS_TOKEN', () => {
    expect(loadConfig({ ...base, METRICS_TOKEN: 'a-scraper-token-of-length' }).metrics).toEqual({
      kind: 'token',
      token: 'a-scraper-token-of-length',
    });
  });

  it('serves them on their own port with METRICS_PORT, token or not', () => {
    expect(loadConfig({ ...base, METRICS_PORT: '9464', METRICS_TOKEN: 'a-scraper-token-of-length' }).metrics).toEqual({
      kind: 'port',
      port: 9464,
    });
  });

  it('names the variable for a bad port, a short token or the API port itself', () => {
    expect(() => loadConfig({ ...base, METRICS_PORT: 'nine' })).toThrow(/^METRICS_PORT="nine": expected a port number/);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN="short": expected at least 16 characters/);
    expect(() => loadConfig({ ...base, PORT: '3000', METRICS_PORT: '3000' })).toThrow(
      /^METRICS_PORT=3000: expected a port other than PORT/,
    );
  });
});
