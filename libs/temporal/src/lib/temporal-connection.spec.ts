import { temporalConnectionOptions } from './temporal-connection';

const settings = { address: 'temporal.internal:7233', namespace: 'reform', taskQueue: 'q' };

describe('temporalConnectionOptions', () => {
  it('connects in plain text to a local dev server', () => {
    expect(temporalConnectionOptions(settings, {})).toEqual({ address: 'temporal.internal:7233', connectTimeout: '5s' });
  });

  it('turns TLS on with TEMPORAL_TLS=true', () => {
    expect(temporalConnectionOptions(settings, { TEMPORAL_TLS: 'true' })).toMatchObject({ tls: {} });
  });

  it('authenticates with an API key over TLS, naming the namespace', () => {
    const options = temporalConnectionOptions(settings, { TEMPORAL_API_KEY: 'secret' });
    expect(options).toMatchObject({ tls: {}, apiKey: 'secret', metadata: { 'temporal-namespace': 'reform' } });
  });
});
