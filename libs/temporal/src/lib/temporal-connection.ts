import type { ConnectionOptions } from '@temporalio/client';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
}

/**
 * Connection options for a local dev server or a cluster: TEMPORAL_TLS=true turns on TLS,
 * TEMPORAL_API_KEY authenticates to a cloud namespace.
 */
export function temporalConnectionOptions(
  settings: TemporalSettings,
  env: Record<string, string | undefined> = process.env,
): ConnectionOptions {
  const apiKey = env['TEMPORAL_API_KEY'];
  const tls = env['TEMPORAL_TLS'] === 'true' || Boolean(apiKey);
  return {
    address: settings.address,
    ...(tls ? { tls: {} } : {}),
    ...(apiKey ? { apiKey, metadata: { 'temporal-namespace': settings.namespace } } : {}),
    connectTimeout: '5s',
  };
}
