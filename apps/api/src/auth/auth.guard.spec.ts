import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfigService, AuthSettings } from '@reform/config';
import type { Principal, Role } from '@reform/contracts';
import { sign, type SignOptions } from 'jsonwebtoken';
import { ForbiddenError } from '../errors/forbidden.error';
import { orgUnit, registerOf, ROOT, unitsUnderRoot } from '../testing/fake-register';
import { Access } from './access.decorator';
import { AuthGuard } from './auth.guard';
import type { AuthenticatedRequest } from './current-user.decorator';
import { TokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-of-enough-length';

class Routes {
  @Access({ scope: 'public' }) health(): string {
    return 'public';
  }
  @Access({ roles: ['supervisor'], scope: 'all' }) decide(): string {
    return 'supervisors only';
  }
  @Access({ roles: ['officer', 'supervisor', 'unit', 'auditor'], scope: 'scoped' }) anyone(): string {
    return 'any signed-in user';
  }
  undeclared(): string {
    return 'without @Access()';
  }
}

/** A rule on the controller holds for each of its routes, unless the route has its own. */
@Access({ roles: ['officer', 'supervisor', 'unit', 'auditor'], scope: 'scoped' })
class ControllerWideRoutes {
  read(): string {
    return 'every role, by the controller';
  }
  @Access({ roles: ['supervisor'], scope: 'all' }) decide(): string {
    return 'supervisors only, by the route';
  }
}

type RouteName = keyof Routes | keyof ControllerWideRoutes;
type RouteClass = typeof Routes | typeof ControllerWideRoutes;

function contextFor(
  handler: RouteName,
  authorization?: string,
  routes: RouteClass = Routes,
): { context: ExecutionContext; request: AuthenticatedRequest } {
  const request = { headers: authorization === undefined ? {} : { authorization } } as AuthenticatedRequest;
  const context = {
    getHandler: () => (routes.prototype as unknown as Record<string, unknown>)[handler],
    getClass: () => routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

const auth: AuthSettings = { hs256Secret: SECRET, jwksUrl: null, issuer: null, audience: null, production: false };
const { scope } = registerOf([ROOT, orgUnit('OFFICE-1', 'office', 'ROOT'), ...unitsUnderRoot('U1')]);
const guard = new AuthGuard(new Reflector(), new TokenVerifier({ auth } as AppConfigService), scope);
const bearer = (claims: object, options: SignOptions = {}, secret = SECRET) =>
  `Bearer ${sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h', ...options })}`;
const supervisor = { sub: 's1', name: 'Zhang Wei', roles: ['supervisor'] as Role[] };

async function run(handler: RouteName, authorization?: string, routes: RouteClass = Routes): Promise<Principal | undefined> {
  const { context, request } = contextFor(handler, authorization, routes);
  await guard.canActivate(context);
  return request.user;
}

describe('AuthGuard', () => {
  it('lets public routes through without a token', async () => {
    expect(await run('health')).toBeUndefined();
  });

  it('attaches the principal from a good token', async () => {
    expect(await run('decide', bearer(supervisor))).toEqual({ id: 's1', name: 'Zhang Wei', roles: ['supervisor'] });
  });

  it('carries the unitId of a unit user and drops unknown roles', async () => {
    const user = await run('anyone', bearer({ sub: 'u1', name: 'Unit', roles: ['unit', 'superuser'], unitId: 'U1' }));
    expect(user).toEqual({ id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' });
  });

  it('carries the orgUnitId of a discipline-side user, and knows the admin role', async () => {
    const user = await run('anyone', bearer({ sub: 'o1', name: 'Officer', roles: ['officer', 'admin'], orgUnitId: 'OFFICE-1' }));
    expect(user).toEqual({ id: 'o1', name: 'Officer', roles: ['officer', 'admin'], orgUnitId: 'OFFICE-1' });
  });

  it.each([
    ['an orgUnitId the register does not have', { sub: 's1', roles: ['supervisor'], orgUnitId: 'OFFICE-9' }, 'orgUnitId: unknown org unit'],
    ['a unit token of an unregistered unit', { sub: 'u9', roles: ['unit'], unitId: 'U9' }, 'unitId: "U9" is not a registered, active unit'],
    [
      'an officer whose orgUnitId is a unit',
      { sub: 'o1', roles: ['officer'], orgUnitId: 'U1' },
      'orgUnitId: "U1" is a unit, not a discipline-side org unit',
    ],
  ])('refuses a valid token with %s with 403, after the role check', async (_, claims, message) => {
    await expect(run('anyone', bearer(claims))).rejects.toThrow(ForbiddenError);
    await expect(run('anyone', bearer(claims))).rejects.toThrow(message);
    // A route the token's roles may not call is refused for that first.
    await expect(run('decide', bearer({ ...claims, roles: ['auditor'] }))).rejects.toThrow('requires one of the roles: supervisor');
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

  it('refuses a route without @Access() to everyone, and still asks for a token', async () => {
    const everyone = bearer({ sub: 'a', roles: ['officer', 'supervisor', 'unit', 'auditor'], unitId: 'U1' });
    await expect(run('undeclared', everyone)).rejects.toThrow(ForbiddenException);
    await expect(run('undeclared', everyone)).rejects.toThrow('not allowed to anyone');
    await expect(run('undeclared')).rejects.toThrow(UnauthorizedException);
  });

  it("takes a controller's rule for its routes, and a route's own rule over it", async () => {
    const officer = bearer({ sub: 'o1', roles: ['officer'] });
    const unit = bearer({ sub: 'u1', roles: ['unit'], unitId: 'U1' });
    expect(await run('read', unit, ControllerWideRoutes)).toMatchObject({ id: 'u1' });
    await expect(run('read', undefined, ControllerWideRoutes)).rejects.toThrow(UnauthorizedException);
    await expect(run('decide', officer, ControllerWideRoutes)).rejects.toThrow('requires one of the roles: supervisor');
    expect(await run('decide', bearer(supervisor), ControllerWideRoutes)).toMatchObject({ id: 's1' });
  });
});
