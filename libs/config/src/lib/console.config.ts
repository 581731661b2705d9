import { z } from 'zod';

/** The web console's environment variables, merged into the app's schema. */
export const CONSOLE_VARIABLES = {
  /**
   * Local sign-in: POST /api/v1/dev/session mints HS256 tokens for whoever asks. `npm start` turns
   * it on outside production; it is refused with NODE_ENV=production.
   */
  AUTH_DEV_LOGIN: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) })
    .default('false')
    .transform((text) => text === 'true'),
  /**
   * 演示数据: registers the demo org units and people (DEMO_ORG_UNITS, DEMO_PEOPLE) at start,
   * idempotently. `npm start` turns it on outside production.
   */
  SEED_DEMO: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) })
    .default('false')
    .transform((text) => text === 'true'),
  /** The built console (index.html and assets); unset, dist/apps/console beside the API's bundle. */
  CONSOLE_DIR: z.string().optional(),
};

/** Why these settings must not start, or undefined: a token vending machine has no place in production. */
export function devLoginProblem(values: { AUTH_DEV_LOGIN: boolean }, env: Record<string, string | undefined>): string | undefined {
  if (!values.AUTH_DEV_LOGIN || env['NODE_ENV'] !== 'production') return undefined;
  return 'AUTH_DEV_LOGIN=true lets anyone sign in as anyone; it is refused with NODE_ENV=production';
}
