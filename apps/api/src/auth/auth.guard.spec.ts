import { Controller, ForbiddenException, Get, Post, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfigService, AuthSettings } from '@reform/config';
import type { Principal, Role } from '@reform/contracts';
import { sign, type SignOptions } from 'jsonwebtoken';
import { AuthGuard } from './auth.guard';
import type { AuthenticatedRequest } from './current-user.decorator';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import type { ControllerClass } from './route-key';
import { TokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-of-enough-length';

/** Routes outside ACCESS_POLICY: the guard falls back to their decorators. */
class Routes {
  @Public() health(): string {
    return 'public';
  }
  @Roles('supervisor') decide(): string {
    return 'supervisors only';
  }
  @Roles('officer', 'supervisor', 'unit', 'auditor') anyone(): string {
    return 'any signed-in user';
  }
  undeclared(): string {
    return 'in no table and without @Roles';
  }
}

/** Routes in ACCESS_POLICY: the table decides, whatever the decorators say. */
@Controller('findings/:id')
class TabledRoutes {
  @Post('plan/decision') decide(): string {
    return 'supervisors only, by the table';
  }
  @Roles('officer') @Get('') misdecorated(): string {
    return 'GET /findings/:id: every role, by the table';
  }
}

function contextFor(
  handler: keyof Routes | keyof TabledRoutes,
  authorization?: string,
  routes: ControllerClass = Routes,
): { context: ExecutionContext; request: AuthenticatedRequest } {
  const request = { headers: authorization === undefined ? {} : { authorization } } as AuthenticatedRequest;
  const context = {
    getHandler: () => (routes.prototype as Record<string, unknown>)[handler],
    getClass: () => routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

const auth: AuthSettings = { hs256Secret: SECRET, jwksUrl: null, issuer: null, audience: null, production: false };
const guard = new AuthGuard(new Reflector(), new TokenVerifier({ auth } as AppConfigService));
const bearer = (claims: object, options: SignOptions = {}, secret = SECRET) =>
  `Bearer ${sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h', ...options })}`;
const supervisor = { sub: 's1', name: 'Zhang Wei', roles: ['supervisor'] as Role[] };

async function run(handler: keyof Routes | keyof TabledRoutes, authorization?: string, routes: ControllerClass = Routes): Promise<Principal | undefined> {
  const { context, request } = contextFor(handler, authorization, routes);
  await guard.canActivate(context);
  return request.user;
}

describe('AuthGuard', () => {
  it('lets @Public() routes through without a token', async () => {
    expect(await run('health')).toBeUndefined();
  });

  it('attaches the principal from a good token', async () => {
    expect(await run('decide', bearer(supervisor))).toEqual({ id: 's1', name: 'Zhang Wei', roles: ['supervisor'] });
  });

  it('carries the unitId of a unit user and drops unknown roles', async () => {
    const user = await run('anyone', bearer({ sub: 'u1', name: 'Unit', roles: ['unit', 'admin'], unitId: 'U1' }));
    expect(user).toEqual({ id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' });
  });

  it('falls back to sub when the token has no usable name', async () => {
    expect((await run('anyone', bearer({ sub: 'o1', roles: ['officer'] })))?.name).toBe('o1');
    expect((await run('anyone', bearer({ sub: 'o1', name: 'x'.repeat(201), roles: ['officer'] })))?.name).toBe('o1');
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
    ['a token without exp', `Bearer ${sign({ sub: 'x', roles: ['officer'] }, SECRET, { algorithm: 'HS256' })}`, /"exp"/],
    ['a token not valid yet', bearer(supervisor, { notBefore: '1h' }), /"nbf"/],
    ['a sub with control characters', bearer({ sub: 'x\u0000y', roles: ['officer'] }), /sub/],
    ['a malformed unitId', bearer({ sub: 'u1', roles: ['unit'], unitId: 'U 1; DROP' }), /unitId/],
  ])('refuses %s with 401', async (_, authorization, message) => {
    await expect(run('anyone', authorization)).rejects.toThrow(UnauthorizedException);
    await expect(run('anyone', authorization)).rejects.toThrow(message);
  });

  it('refuses a valid user without a required role with 403', async () => {
    const officer = bearer({ sub: 'o1', name: 'Officer', roles: ['officer'] });
    await expect(run('decide', officer)).rejects.toThrow(ForbiddenException);
    await expect(run('decide', officer)).rejects.toThrow('requires one of the roles: supervisor');
  });

  it('refuses a route in neither the table nor decorated, to everyone', async () => {
    await expect(run('undeclared', bearer({ sub: 'a', roles: ['officer', 'supervisor', 'unit', 'auditor'], unitId: 'U1' }))).rejects.toThrow(
      ForbiddenException,
    );
  });

  it('takes the roles of a tabled route from ACCESS_POLICY', async () => {
    const officer = bearer({ sub: 'o1', roles: ['officer'] });
    const unit = bearer({ sub: 'u1', roles: ['unit'], unitId: 'U1' });
    await expect(run('decide', officer, TabledRoutes)).rejects.toThrow('requires one of the roles: supervisor');
    expect(await run('decide', bearer(supervisor), TabledRoutes)).toMatchObject({ id: 's1' });
    expect(await run('misdecorated', unit, TabledRoutes)).toMatchObject({ id: 'u1' });
    await expect(run('misdecorated', undefined, TabledRoutes)).rejects.toThrow(UnauthorizedException);
  });
});
