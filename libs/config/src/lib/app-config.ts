import { DEFAULT_TASK_QUEUE, type Policy } from '@reform/contracts';
import { isKnownTimeZone, parseDurationMs, readPolicy, type WorkingDayRules } from '@reform/domain';
import { z } from 'zod';
import { CONSOLE_VARIABLES, devLoginProblem } from './console.config';
import { NOTIFY_VARIABLES, notifyProblem, notifySettings, type NotifySettings } from './notify.config';
import { FILE_VARIABLES, fileSettings, fileStoreProblem, type FileSettings } from './files.config';
import { authSettings, LOCAL_JWT_SECRET, SECURITY_VARIABLES, type AuthSettings } from './security.config';
import { loadWorkingCalendar } from './working-days.config';
import { METRICS_VARIABLES, metricsExposure, metricsProblem, type MetricsExposure } from './metrics.config';

export { LOCAL_JWT_SECRET };

const port = (fallback: number) =>
  z.coerce
    .number({ invalid_type_error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port from 1 to 65535')
    .max(65535, 'expected a port from 1 to 65535')
    .default(fallback);

const schema = z.object({
  PORT: port(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s/]+:\d+$/, 'expected host:port, such as localhost:7233')
    .default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  /** Open workflows the worker keeps in memory between their tasks (README, Performance). */
  TEMPORAL_MAX_CACHED_WORKFLOWS: z.coerce
    .number({ invalid_type_error: 'expected a whole number' })
    .int('expected a whole number')
    .min(0, 'expected 0 or more')
    .optional(),
  /** Documents the worker renders at once, on their own task queue (README, Performance). */
  DOCUMENT_RENDER_SLOTS: z.coerce
    .number({ invalid_type_error: 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'expected 1 or more')
    .max(32, 'expected at most 32')
    .default(1),
  /** How far V8 lets the worker's heaps grow past what survived their last full collection (README, Performance). */
  WORKER_HEAP_GROWTH_PERCENT: z.coerce
    .number({ invalid_type_error: 'expected a whole number of percent' })
    .int('expected a whole number of percent')
    .refine((percent) => percent === 0 || (percent >= 10 && percent <= 400), 'expected 0 (V8 decides) or a percentage from 10 to 400')
    .optional(),
  /** Where the worker serves its Temporal SDK metrics for Prometheus (host:port); unset, none. */
  TEMPORAL_WORKER_METRICS: z
    .string()
    .regex(/^[^:\s/]+:\d+$/, 'expected host:port, such as 0.0.0.0:9464')
    .optional(),
  AUTH_JWT_SECRET: z.string().min(16, 'expected at least 16 characters').default(LOCAL_JWT_SECRET),
  ...SECURITY_VARIABLES,
  ...CONSOLE_VARIABLES,
  ...FILE_VARIABLES,
  ...NOTIFY_VARIABLES,
  ...METRICS_VARIABLES,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /** How often the reconciliation Schedule runs (对账). */
  RECONCILE_EVERY: z
    .string()
    .refine((text) => (parseDurationMs(text) ?? 0) >= 1000, 'expected an ISO-8601 duration of at least a second, such as PT1H or PT15M')
    .default('PT1H'),
  /** The worker's probe port (GET /health, /health/live); unset, the worker serves no HTTP. */
  WORKER_HEALTH_PORT: z.coerce
    .number({ invalid_type_error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port from 1 to 65535')
    .max(65535, 'expected a port from 1 to 65535')
    .optional(),
  TZ_BUSINESS: z.string().refine(isKnownTimeZone, 'expected an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  DEADLINE_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:mm, such as 18:00')
    .default('18:00'),
  WORKING_CALENDAR_DIR: z.string().optional(),
});

export type AppConfig = Omit<z.infer<typeof schema>, never> & {
  policy: Policy;
  /** Working-day deadlines: the holiday calendar, TZ_BUSINESS and DEADLINE_TIME. */
  workingDays: WorkingDayRules;
  /** How tokens are verified: AUTH_JWT_SECRET, AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE and NODE_ENV. */
  auth: AuthSettings;
  /** Where files are kept and how large they may be: FILE_STORE, FILE_MAX_BYTES and the S3_* variables. */
  files: FileSettings;
  /** Where notifications go: NOTIFY_CHANNELS, SMTP_URL, NOTIFY_EMAIL_FROM, WECOM_ROBOT_URL, NOTIFY_WEBHOOK_URL, CONSOLE_URL, NOTIFY_DIGEST_AT. */
  notify: NotifySettings;
  /** Where the API serves GET /metrics: METRICS_PORT, else METRICS_TOKEN, else nowhere. */
  metrics: MetricsExposure;
};

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
  const devLogin = devLoginProblem(parsed.data, env);
  if (devLogin) throw new ConfigError(devLogin);
  const fileStore = fileStoreProblem(parsed.data);
  if (fileStore) throw new ConfigError(fileStore);
  const channels = notifyProblem(parsed.data);
  if (channels) throw new ConfigError(channels);
  const metrics = metricsProblem(parsed.data);
  if (metrics) throw new ConfigError(metrics);
  let policy: Policy;
  try {
    policy = readPolicy(env, parsed.data.TZ_BUSINESS);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    ...parsed.data,
    policy,
    workingDays: workingDayRules(parsed.data),
    auth: authSettings(parsed.data, env),
    files: fileSettings(parsed.data),
    notify: notifySettings(parsed.data),
    metrics: metricsExposure(parsed.data),
  };
}

function workingDayRules(values: z.infer<typeof schema>): WorkingDayRules {
  try {
    const calendar = loadWorkingCalendar(values.WORKING_CALENDAR_DIR);
    return { calendar, timeZone: values.TZ_BUSINESS, deadlineTime: values.DEADLINE_TIME };
  } catch (error) {
    const dir = values.WORKING_CALENDAR_DIR;
    const variable = dir === undefined ? 'the bundled working-day calendar' : `WORKING_CALENDAR_DIR=${JSON.stringify(dir)}`;
    throw new ConfigError(`${variable}: ${(error as Error).message}`);
  }
}
