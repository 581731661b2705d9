import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ROLES, type Principal, type Role } from '@reform/contracts';
import { AppConfigService } from '@reform/config';
import { JsonWebTokenError, TokenExpiredError, verify, type JwtPayload } from 'jsonwebtoken';

/** Turns a bearer token into a Principal, or says (401) why it cannot. */
@Injectable()
export class TokenVerifier {
  private readonly secret: string;

  constructor(config: AppConfigService) {
    this.secret = config.values.AUTH_JWT_SECRET;
  }

  verify(token: string): Principal {
    return principalFrom(this.decode(token));
  }

  private decode(token: string): JwtPayload {
    try {
      const payload = verify(token, this.secret, { algorithms: ['HS256'] });
      if (typeof payload === 'string') throw new UnauthorizedException('token payload must be a JSON object');
      return payload;
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new UnauthorizedException('token has expired');
      if (error instanceof JsonWebTokenError) throw new UnauthorizedException(`invalid token: ${error.message}`);
      throw error;
    }
  }
}

function principalFrom(claims: JwtPayload): Principal {
  const { sub, name, roles, unitId } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.trim() === '') throw new UnauthorizedException('token has no sub claim');
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) {
    throw new UnauthorizedException('token roles claim must be an array of strings');
  }
  // Roles this API does not know grant nothing, so they are dropped rather than refused.
  const known = roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  const principal: Principal = { id: sub, name: typeof name === 'string' && name.trim() ? name : sub, roles: known };
  if (typeof unitId === 'string' && unitId !== '') principal.unitId = unitId;
  if (known.includes('unit') && !principal.unitId) throw new UnauthorizedException('token with the unit role needs a unitId claim');
  return principal;
}
