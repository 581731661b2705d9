import type { AuthSettings } from '@reform/config';
import { createRemoteJWKSet, errors, type FlattenedJWSInput, type JWSHeaderParameters, type RemoteJWKSetOptions } from 'jose';
import { IdentityProviderUnavailableError } from '../errors/identity-provider-unavailable.error';

/** What an OIDC provider signs with; never HS*, so a public key can never be used as an HMAC secret. */
export const PROVIDER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * The provider's keys are cached for `cacheMaxAge` (10 min); a token with a `kid` not in the cache
 * refetches the set (key rotation), at most once per `cooldownDuration` (30 s), so tokens with
 * made-up kids cannot turn into a flood of requests to the provider.
 */
export const JWKS_CACHE: RemoteJWKSetOptions = { cacheMaxAge: 600_000, cooldownDuration: 30_000, timeoutDuration: 5_000 };

/** Errors that mean the token names no usable key — the client's problem, not the provider's. */
const NOT_THE_PROVIDERS_FAULT = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported, errors.JWKInvalid];

/** Finds the key that checks a token: the HS256 secret, or the OIDC provider's key named by `kid`. */
export class TokenKeys {
  readonly algorithms: string[];
  private readonly secret: Uint8Array | undefined;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(auth: AuthSettings, jwksOptions: RemoteJWKSetOptions = JWKS_CACHE) {
    this.secret = auth.hs256Secret === null ? undefined : new TextEncoder().encode(auth.hs256Secret);
    this.jwks = auth.jwksUrl === null ? undefined : createRemoteJWKSet(new URL(auth.jwksUrl), jwksOptions);
    this.algorithms = [...(this.secret ? ['HS256'] : []), ...(this.jwks ? PROVIDER_ALGORITHMS : [])];
  }

  /** jose's key resolver; only called for an `alg` in `algorithms`. */
  readonly resolve = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    if (header.alg === 'HS256' && this.secret) return this.secret;
    if (!this.jwks) throw new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
    try {
      return await this.jwks(header, token);
    } catch (error) {
      if (NOT_THE_PROVIDERS_FAULT.some((type) => error instanceof type)) throw error;
      throw new IdentityProviderUnavailableError({ cause: error });
    }
  };
}
