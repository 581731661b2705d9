import type * as otel from '@temporalio/interceptors-opentelemetry/lib/workflow';
import {
  getRandomStream,
  type Next,
  type WorkflowInboundCallsInterceptor as Inbound,
  type WorkflowInterceptors,
  type WorkflowOutboundCallsInterceptor as Outbound,
} from '@temporalio/workflow';

/** Where @temporalio/interceptors-opentelemetry carries a span's context (its TRACE_HEADER). */
const TRACE_HEADER = '_tracer-data';

interface Spans {
  inbound: otel.OpenTelemetryInboundInterceptor;
  outbound: otel.OpenTelemetryOutboundInterceptor;
  internals: otel.OpenTelemetryInternalsInterceptor;
  /** Whether a span is current here: the outbound calls made inside a traced handler are traced. */
  active(): boolean;
}

/**
 * Workflow interceptors of the bundle (workflows/bundle.cjs): the OpenTelemetry ones, but only for
 * what arrives with a span's context in its headers (a start, update, signal or query from a traced
 * caller) and what is called inside those. So a history from before tracing, or from an untraced
 * caller, replays exactly as before, and a workflow that never meets a trace never loads the
 * OpenTelemetry modules (every open workflow would otherwise evaluate its own copy of them).
 * Whether a call is traced follows from its history alone, never from the worker's settings.
 *
 * Span and trace ids come from a random stream of their own (getRandomStream): drawn from the
 * workflow's Math.random they would shift the uuid4() ids the workflow draws after them.
 */
export const interceptors = (): WorkflowInterceptors => {
  const ids = getRandomStream('reform.tracing');
  let spans: Spans | undefined;
  const load = (): Spans =>
    (spans ??= ids.with(() => {
      // require, not import: the bundle evaluates these only in a workflow that meets a trace.
      const { OpenTelemetryInboundInterceptor, OpenTelemetryOutboundInterceptor, OpenTelemetryInternalsInterceptor } =
        require('@temporalio/interceptors-opentelemetry/lib/workflow') as typeof otel;
      const { trace } = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
      return {
        inbound: new OpenTelemetryInboundInterceptor(),
        outbound: new OpenTelemetryOutboundInterceptor(),
        internals: new OpenTelemetryInternalsInterceptor(),
        active: () => trace.getActiveSpan() !== undefined,
      };
    }));

  /** An inbound call is traced when its caller sent a span's context. */
  const inbound =
    <K extends 'execute' | 'handleSignal' | 'handleUpdate' | 'validateUpdate' | 'handleQuery'>(method: K) =>
    (input: Parameters<Next<Inbound, K>>[0], next: Next<Inbound, K>): ReturnType<Next<Inbound, K>> => {
      if (!(TRACE_HEADER in input.headers)) return next(input) as ReturnType<Next<Inbound, K>>;
      const traced = load().inbound[method] as (input: unknown, next: unknown) => ReturnType<Next<Inbound, K>>;
      return ids.with(() => traced.call(spans?.inbound, input, next));
    };
  /** An outbound call is traced when made inside a traced one. */
  const outbound =
    <K extends 'scheduleActivity' | 'scheduleLocalActivity' | 'startChildWorkflowExecution' | 'signalWorkflow' | 'continueAsNew'>(
      method: K,
    ) =>
    (input: Parameters<Next<Outbound, K>>[0], next: Next<Outbound, K>): ReturnType<Next<Outbound, K>> => {
      if (!spans?.active()) return next(input) as ReturnType<Next<Outbound, K>>;
      const traced = spans.outbound[method] as (input: unknown, next: unknown) => ReturnType<Next<Outbound, K>>;
      return ids.with(() => traced.call(spans?.outbound, input, next));
    };

  return {
    inbound: [
      {
        execute: inbound('execute'),
        handleSignal: inbound('handleSignal'),
        handleUpdate: inbound('handleUpdate'),
        validateUpdate: inbound('validateUpdate'),
        handleQuery: inbound('handleQuery'),
      },
    ],
    outbound: [
      {
        scheduleActivity: outbound('scheduleActivity'),
        scheduleLocalActivity: outbound('scheduleLocalActivity'),
        startChildWorkflowExecution: outbound('startChildWorkflowExecution'),
        signalWorkflow: outbound('signalWorkflow'),
        continueAsNew: outbound('continueAsNew'),
        // Workflow log lines written inside a span carry its trace_id and span_id.
        getLogAttributes: (input, next) => (spans ? spans.outbound.getLogAttributes(input, next) : next(input)),
      },
    ],
    internals: [{ dispose: (input, next) => (spans ? spans.internals.dispose(input, next) : next(input)) }],
  };
};
