import { sign } from 'jsonwebtoken';

const LOCAL_SECRET = 'reform-local-dev-secret';

export interface TokenClaims {
  sub: string;
  roles: string[];
  unitId?: string;
  orgUnitId?: string;
  name?: string;
}

export function token(claims: TokenClaims, secret = LOCAL_SECRET, expiresIn: number | `${number}${'s' | 'm' | 'h'}` = '1h'): string {
  return sign({ name: claims.sub, ...claims }, secret, { algorithm: 'HS256', expiresIn });
}

export const bearer = (claims: TokenClaims) => ({ authorization: `Bearer ${token(claims)}` });
