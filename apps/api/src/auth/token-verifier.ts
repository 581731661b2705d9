import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AppConfigService, authSettingsProblem, type AuthSettings } from '@reform/config';
import { ROLES, type Principal, type Role } from '@reform/contracts';
import { errors, jwtVerify, type JWTPayload, type JWTVerifyOptions, type RemoteJWKSetOptions } from 'jose';
import { IdentityProviderUnavailableError } from '../errors/identity-provider-unavailable.error';
import { UNIT_ID_PATTERN } from '../validation/field.decorators';
import { TokenKeys } from './token-keys';

/** Seconds of clock skew forgiven on exp/nbf/iat between us and whoever issued the token. */
const CLOCK_TOLERANCE_SECONDS = 5;
const MAX_CLAIM_LENGTH = 200;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Turns a bearer token into a Principal, or says (401) why it cannot: HS256 with AUTH_JWT_SECRET,
 * or RS256/ES256/… by an OIDC provider's JWKS (AUTH_JWKS_URL), with `iss`/`aud` checked when
 * AUTH_ISSUER/AUTH_AUDIENCE are set. Every token must expire (`exp`).
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: TokenKeys;
  private readonly options: JWTVerifyOptions;

  constructor(config: AppConfigService) {
    this.keys = TokenVerifier.keysFor(config.auth);
    this.options = {
      algorithms: this.keys.algorithms,
      issuer: config.auth.issuer ?? undefined,
      audience: config.auth.audience ?? undefined,
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    };
  }

  /** Refuses, as the boot check does, settings that would accept tokens anyone can sign. */
  static keysFor(auth: AuthSettings, jwksOptions?: RemoteJWKSetOptions): TokenKeys {
    const problem = authSettingsProblem(auth);
    if (problem) throw new Error(`configuration error: ${problem}`);
    return new TokenKeys(auth, jwksOptions);
  }

  async verify(token: string): Promise<Principal> {
    return principalFrom(await this.decode(token));
  }

  private async decode(token: string): Promise<JWTPayload> {
    try {
      return (await jwtVerify(token, this.keys.resolve, this.options)).payload;
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw error;
      if (error instanceof errors.JWTExpired) throw new UnauthorizedException('token has expired');
      if (error instanceof errors.JOSEError) throw new UnauthorizedException(`invalid token: ${error.message}`);
      throw new UnauthorizedException('invalid token');
    }
  }
}

function principalFrom(claims: JWTPayload): Principal {
  const { sub, name, roles, unitId, orgUnitId } = claims as Record<string, unknown>;
  if (!isPlainClaim(sub)) throw new UnauthorizedException('token has no usable sub claim');
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) {
    throw new UnauthorizedException('token roles claim must be an array of strings');
  }
  // Roles this API does not know grant nothing, so they are dropped rather than refused.
  const known = roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  const principal: Principal = { id: sub, name: isPlainClaim(name) ? name : sub, roles: known };
  if (unitId !== undefined && unitId !== '') {
    if (typeof unitId !== 'string' || unitId.length > 64 || !UNIT_ID_PATTERN.test(unitId)) {
      throw new UnauthorizedException('token unitId claim must be a unit id (letters, digits, "_", "." and "-")');
    }
    principal.unitId = unitId;
  }
  if (orgUnitId !== undefined && orgUnitId !== '' && orgUnitId !== null) {
    if (typeof orgUnitId !== 'string' || orgUnitId.length > 40 || !UNIT_ID_PATTERN.test(orgUnitId)) {
      throw new UnauthorizedException('token orgUnitId claim must be an org unit code (letters, digits, "_" and "-")');
    }
    principal.orgUnitId = orgUnitId;
  }
  if (known.includes('unit') && !principal.unitId) throw new UnauthorizedException('token with the unit role needs a unitId claim');
  return principal;
}

/** Ids and names end up in the audit log: bounded, printable text only. */
function isPlainClaim(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_CLAIM_LENGTH && !CONTROL_CHARACTERS.test(value);
}
