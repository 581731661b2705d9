import type { InstrumentationBase } from '@opentelemetry/instrumentation';
import type { IResource } from '@opentelemetry/resources';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** What tracing set up: the Temporal interceptors and the workflows' span sink build on it. */
export interface Tracing {
  provider: NodeTracerProvider;
  resource: IResource;
  spanProcessor: SpanProcessor;
  /** The HTTP and `pg` instrumentations, for a test that must patch the modules its own registry loaded. */
  instrumentations: InstrumentationBase[];
  /** Exports what is buffered, then stops. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Where spans go: the OTLP HTTP exporter (configured by the standard OTEL_EXPORTER_OTLP_* variables) unless given. */
  exporter?: SpanExporter;
}

let started: Tracing | undefined;

/** Tracing is on when an OTLP endpoint is configured (or a test hands its own exporter to startTracing). */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

/** The tracing startTracing set up in this process, if any. */
export function activeTracing(): Tracing | undefined {
  return started;
}

/**
 * Registers the OpenTelemetry SDK for `serviceName` (OTEL_SERVICE_NAME overrides) with the HTTP and
 * `pg` instrumentations, or does nothing when tracing is not configured: then not even the SDK is
 * loaded, and `@opentelemetry/api` stays its no-op. Call it before `http` or `pg` is first
 * required (the first import of each app's main.ts), so that the require hooks can patch them.
 */
export function startTracing(serviceName: string, options: TracingOptions = {}): Tracing | undefined {
  if (started) return started;
  if (!options.exporter && !tracingConfigured()) return undefined;
  // Loaded only now, so that a process without tracing pays nothing for it.
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { Resource, envDetectorSync } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { ATTR_SERVICE_NAME } = require('@opentelemetry/semantic-conventions') as typeof import('@opentelemetry/semantic-conventions');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const exporter =
    options.exporter ??
    new (
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')
    ).OTLPTraceExporter();

  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (read by the env detector) win over the app's name.
  const resource = Resource.default()
    .merge(new Resource({ [ATTR_SERVICE_NAME]: serviceName }))
    .merge(envDetectorSync.detect());
  const spanProcessor = new BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  const instrumentations = [
    // Health probes every few seconds would drown the traces worth reading.
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === '/health' }),
    new PgInstrumentation(),
  ];
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations });
  started = {
    provider,
    resource,
    spanProcessor,
    instrumentations,
    shutdown: async () => {
      unregister();
      started = undefined;
      await provider.shutdown();
    },
  };
  return started;
}
