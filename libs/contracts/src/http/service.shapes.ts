import { z } from 'zod/v4';
import { Count, Instant, shape } from './registry';

const CheckState = z.enum(['up', 'down']);

/** What the outbox holds beyond the inbox: deliveries still being tried, and those given up. */
const NotificationCounts = z.object({ pending: Count, failed: Count });

/**
 * GET /health: 200 when PostgreSQL and Temporal both answer, 503 naming the one that does not.
 * `details` informs and never decides the status; it is left out when it cannot be counted.
 */
export const HealthReportSchema = shape(
  'HealthReport',
  'readiness: whether PostgreSQL and Temporal answer; details (when they can be counted) never change the status',
  z.object({
    status: z.enum(['ok', 'error']),
    checks: z.object({ database: CheckState, temporal: CheckState }),
    details: z.object({ notifications: NotificationCounts }).optional(),
  }),
);
export type HealthReport = z.infer<typeof HealthReportSchema>;

export const LivenessSchema = shape('Liveness', 'the process answers', z.object({ status: z.literal('ok') }));
export type Liveness = z.infer<typeof LivenessSchema>;

/** A local sign-in (AUTH_DEV_LOGIN=true only): the bearer token and when it expires. */
export const DevSessionSchema = shape(
  'DevSession',
  'a bearer token for a demo user, and when it expires',
  z.object({ token: z.string(), expiresAt: Instant }),
);
export type DevSession = z.infer<typeof DevSessionSchema>;

/** GET /settings: what a client needs to show and take times as the deployment means them. */
export const ConsoleSettingsSchema = shape(
  'ConsoleSettings',
  "the deployment's business time zone (TZ_BUSINESS), in which every date is shown and entered, and the time of day a date-only deadline falls due",
  z.object({
    timeZone: z.string().meta({ example: 'Asia/Shanghai' }),
    deadlineTime: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .meta({ example: '18:00' }),
  }),
);
export type ConsoleSettings = z.infer<typeof ConsoleSettingsSchema>;
