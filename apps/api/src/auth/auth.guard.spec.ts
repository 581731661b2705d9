import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfigService } from '@reform/config';
import type { Principal, Role } from '@reform/contracts';
import { sign, type SignOptions } from 'jsonwebtoken';
import { AuthGuard } from './auth.guard';
import type { AuthenticatedRequest } from './current-user.decorator';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { TokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-of-enough-length';

class Routes {
  @Public() health(): string {
    return 'public';
  }
  @Roles('supervisor') decide(): string {
    return 'supervisors only';
  }
  anyone(): string {
    return 'any signed-in user';
  }
}

function contextFor(handler: keyof Routes, authorization?: string): { context: ExecutionContext; request: AuthenticatedRequest } {
  const request = { headers: authorization === undefined ? {} : { authorization } } as AuthenticatedRequest;
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

const guard = new AuthGuard(new Reflector(), new TokenVerifier({ values: { AUTH_JWT_SECRET: SECRET } } as AppConfigService));
const bearer = (claims: object, options: SignOptions = {}, secret = SECRET) =>
  `Bearer ${sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h', ...options })}`;
const supervisor = { sub: 's1', name: 'Zhang Wei', roles: ['supervisor'] as Role[] };

function run(handler: keyof Routes, authorization?: string): Principal | undefined {
  const { context, request } = contextFor(handler, authorization);
  guard.canActivate(context);
  return request.user;
}

describe('AuthGuard', () => {
  it('lets @Public() routes through without a token', () => {
    expect(run('health')).toBeUndefined();
  });

  it('attaches the principal from a good token', () => {
    expect(run('decide', bearer(supervisor))).toEqual({ id: 's1', name: 'Zhang Wei', roles: ['supervisor'] });
  });

  it('carries the unitId of a unit user and drops unknown roles', () => {
    const user = run('anyone', bearer({ sub: 'u1', name: 'Unit', roles: ['unit', 'admin'], unitId: 'U1' }));
    expect(user).toEqual({ id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' });
  });

  it('falls back to sub when the token has no name', () => {
    expect(run('anyone', bearer({ sub: 'o1', roles: ['officer'] }))?.name).toBe('o1');
  });

  it.each([
    ['no Authorization header', undefined, /missing bearer token/],
    ['a non-bearer scheme', 'Basic dTE6cHc=', /missing bearer token/],
    ['garbage', 'Bearer not.a.jwt', /invalid token/],
    ['an expired token', bearer(supervisor, { expiresIn: -10 }), /expired/],
    ['a token signed with another secret', bearer(supervisor, {}, 'someone-elses-secret-value'), /invalid token/],
    ['a token signed with HS512', bearer(supervisor, { algorithm: 'HS512' }), /invalid token/],
    ['an alg:none token', `Bearer ${sign(supervisor, '', { algorithm: 'none' })}`, /invalid token/],
    ['a unit role without unitId', bearer({ sub: 'u1', name: 'Unit', roles: ['unit'] }), /unitId/],
    ['no sub', bearer({ name: 'x', roles: ['officer'] }), /sub/],
    ['roles that are not an array', bearer({ sub: 'x', roles: 'officer' }), /roles/],
  ])('refuses %s with 401', (_, authorization, message) => {
    expect(() => run('anyone', authorization)).toThrow(UnauthorizedException);
    expect(() => run('anyone', authorization)).toThrow(message);
  });

  it('refuses a valid user without a required role with 403', () => {
    const officer = bearer({ sub: 'o1', name: 'Officer', roles: ['officer'] });
    expect(() => run('decide', officer)).toThrow(ForbiddenException);
    expect(() => run('decide', officer)).toThrow('requires one of the roles: supervisor');
  });
});
