import { z } from 'zod';

/** The HS256 secret `npm run token` and the API share on a developer's machine; published, so never for production. */
export const LOCAL_JWT_SECRET = 'reform-local-dev-secret';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1000;

const origins = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .refine(
    (list) =>
      list.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin && /^https?:$/.test(new URL(origin).protocol)),
    'expected comma-separated origins such as https://reform.example.gov.cn (scheme, host and port only)',
  );

/** The environment variables of auth and HTTP hardening, merged into the app's schema. */
export const SECURITY_VARIABLES = {
  AUTH_JWKS_URL: z
    .string()
    .url('expected the http(s) URL of a JSON Web Key Set')
    .refine((url) => /^https?:\/\//.test(url), 'expected the http(s) URL of a JSON Web Key Set')
    .optional(),
  AUTH_ISSUER: z.string().max(500).optional(),
  AUTH_AUDIENCE: z.string().max(500).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ invalid_type_error: 'expected a whole number of requests (0 turns the limit off)' })
    .int('expected a whole number of requests (0 turns the limit off)')
    .min(0, 'expected a whole number of requests (0 turns the limit off)')
    .default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  CORS_ORIGINS: origins.optional(),
};

/** How bearer tokens are verified. */
export interface AuthSettings {
  /** HS256 tokens are accepted with this secret; null when they are not accepted at all. */
  hs256Secret: string | null;
  /** Tokens signed by an OIDC provider's keys (RS256, ES256, …) are accepted from this JWKS. */
  jwksUrl: string | null;
  /** When set, every token must carry exactly this `iss` / this `aud`. */
  issuer: string | null;
  audience: string | null;
  production: boolean;
}

/**
 * Outside production the local secret is the fallback, so `npm start` and `npm run token` just work.
 * In production HS256 is on only with a secret the operator set; the OIDC provider's JWKS may be
 * the only way in.
 */
export function authSettings(
  values: { AUTH_JWT_SECRET: string; AUTH_JWKS_URL?: string; AUTH_ISSUER?: string; AUTH_AUDIENCE?: string },
  env: Record<string, string | undefined>,
): AuthSettings {
  const production = env['NODE_ENV'] === 'production';
  const secretSet = (env['AUTH_JWT_SECRET'] ?? '') !== '';
  return {
    hs256Secret: production && !secretSet ? null : values.AUTH_JWT_SECRET,
    jwksUrl: values.AUTH_JWKS_URL ?? null,
    issuer: values.AUTH_ISSUER || null,
    audience: values.AUTH_AUDIENCE || null,
    production,
  };
}

/** Why the API must not start with these settings, or undefined. Only the API checks: the worker verifies no tokens. */
export function authSettingsProblem(auth: AuthSettings): string | undefined {
  if (!auth.production) return undefined;
  if (auth.hs256Secret === LOCAL_JWT_SECRET) {
    return 'AUTH_JWT_SECRET is the published local default; with NODE_ENV=production set a secret of your own or use AUTH_JWKS_URL';
  }
  if (auth.hs256Secret === null && auth.jwksUrl === null) {
    return 'NODE_ENV=production needs a way to verify tokens: set AUTH_JWKS_URL (OIDC) or AUTH_JWT_SECRET';
  }
  if (auth.jwksUrl !== null && !auth.jwksUrl.startsWith('https://')) {
    return `AUTH_JWKS_URL=${JSON.stringify(auth.jwksUrl)}: expected an https:// URL with NODE_ENV=production`;
  }
  return undefined;
}
