import { activeTracing } from '@reform/config';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';

/** With tracing on, each activity runs in a span, a child of the span that scheduled it. */
export function tracingActivityInterceptors(): ActivityInterceptorsFactory[] {
  if (!activeTracing()) return [];
  const otel = require('@temporalio/interceptors-opentelemetry') as typeof import('@temporalio/interceptors-opentelemetry');
  return [
    (ctx) => ({
      inbound: new otel.OpenTelemetryActivityInboundInterceptor(ctx),
      // Activity log lines carry the span's trace_id and span_id.
      outbound: new otel.OpenTelemetryActivityOutboundInterceptor(ctx),
    }),
  ];
}

/**
 * Where the workflows' spans go (workflows/src/tracing.interceptors.ts). Registered even with tracing
 * off: a workflow called by a traced API still makes spans, and a sink it calls must exist.
 */
export function workflowTracingSinks(): InjectedSinks<OpenTelemetrySinks> {
  const tracing = activeTracing();
  if (!tracing) return { exporter: { export: { fn: () => undefined } } };
  const { makeWorkflowExporter } =
    require('@temporalio/interceptors-opentelemetry') as typeof import('@temporalio/interceptors-opentelemetry');
  return { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) };
}
