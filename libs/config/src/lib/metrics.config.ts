import { z } from 'zod';

/** The API's Prometheus endpoint, merged into the app's schema (README, Metrics). */
export const METRICS_VARIABLES = {
  /** Serves GET /metrics on this port only, never on PORT; wins over METRICS_TOKEN. */
  METRICS_PORT: z.coerce
    .number({ invalid_type_error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port from 1 to 65535')
    .max(65535, 'expected a port from 1 to 65535')
    .optional(),
  /** Without METRICS_PORT: GET /metrics on PORT answers only `Authorization: Bearer <this>`. */
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
};

/** Where the API's metrics are served: on their own port, on PORT behind a token, or not at all. */
export type MetricsExposure = { kind: 'port'; port: number } | { kind: 'token'; token: string } | { kind: 'none' };

export function metricsExposure(values: { METRICS_PORT?: number; METRICS_TOKEN?: string }): MetricsExposure {
  if (values.METRICS_PORT !== undefined) return { kind: 'port', port: values.METRICS_PORT };
  if (values.METRICS_TOKEN !== undefined) return { kind: 'token', token: values.METRICS_TOKEN };
  return { kind: 'none' };
}

/** Why these settings must not start, or undefined: the metrics port must not be the API's own. */
export function metricsProblem(values: { PORT: number; METRICS_PORT?: number }): string | undefined {
  if (values.METRICS_PORT !== values.PORT) return undefined;
  return `METRICS_PORT=${values.METRICS_PORT}: expected a port other than PORT, which serves the API`;
}
