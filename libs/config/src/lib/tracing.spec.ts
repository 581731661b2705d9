import { activeTracing, startTracing, tracingConfigured } from './tracing';

// The request id as trace id is asserted end to end in test/integration/traces.int-spec.ts.
describe('tracing', () => {
  it('is on only with an OTLP endpoint', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
  });

  it('registers nothing without one', () => {
    const before = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    expect(startTracing('reform-api')).toBeUndefined();
    expect(activeTracing()).toBeUndefined();
    if (before !== undefined) process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = before;
  });
});
