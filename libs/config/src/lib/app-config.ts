import { DEFAULT_TASK_QUEUE, type Policy } from '@reform/contracts';
import { readPolicy } from '@reform/domain';
import { z } from 'zod';

export const LOCAL_JWT_SECRET = 'reform-local-dev-secret';

const port = (fallback: number) =>
  z.coerce
    .number({ invalid_type_error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port from 1 to 65535')
    .max(65535, 'expected a port from 1 to 65535')
    .default(fallback);

const schema = z.object({
  PORT: port(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s/]+:\d+$/, 'expected host:port, such as localhost:7233')
    .default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  AUTH_JWT_SECRET: z.string().min(16, 'expected at least 16 characters').default(LOCAL_JWT_SECRET),
  NOTIFY_WEBHOOK_URL: z.string().url('expected an http(s) URL').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type AppConfig = Omit<z.infer<typeof schema>, never> & { policy: Policy };

export class ConfigError extends Error {}

/** Validates the environment once at boot; the first problem names its variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    const value = env[variable];
    if (value === undefined || value === '') throw new ConfigError(`${variable} is not set`);
    throw new ConfigError(`${variable}=${JSON.stringify(value)}: ${issue.message}`);
  }
  try {
    return { ...parsed.data, policy: readPolicy(env) };
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}
