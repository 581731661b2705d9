import { activeTracing } from '@reform/config';
import type { WorkflowClientInterceptor } from '@temporalio/client';

/**
 * With tracing on, each start, update, signal and query is a span whose context travels to the
 * workflow in its headers; without, none (and the interceptors package is never loaded).
 */
export function tracingClientInterceptors(): WorkflowClientInterceptor[] {
  if (!activeTracing()) return [];
  const { OpenTelemetryWorkflowClientInterceptor } =
    require('@temporalio/interceptors-opentelemetry') as typeof import('@temporalio/interceptors-opentelemetry');
  return [new OpenTelemetryWorkflowClientInterceptor()];
}
