import { Reflector } from '@nestjs/core';
import type { Role } from '@reform/contracts';
import { AppModule } from '../app.module';
import { ACCESS_POLICY, type Access } from './access-policy';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { routesOf } from './route-key';

const routes = routesOf(AppModule);
const reflector = new Reflector();

describe('ACCESS_POLICY, the role matrix', () => {
  it('finds the routes of the app', () => {
    expect(routes.map((route) => route.key)).toEqual(expect.arrayContaining(['POST /cases', 'GET /findings/:id', 'GET /audit/verify']));
  });

  it('has an entry for every route of the app (add one for a new route)', () => {
    const missing = routes.map((route) => route.key).filter((key) => !(key in ACCESS_POLICY));
    expect(missing).toEqual([]);
  });

  it('has no entry for a route that does not exist', () => {
    const served = new Set(routes.map((route) => route.key));
    expect(Object.keys(ACCESS_POLICY).filter((key) => !served.has(key as never))).toEqual([]);
  });

  it('agrees with any @Roles()/@Public() still written on a controller', () => {
    const disagreements = routes.flatMap(({ key, controller, handler }) => {
      const access = ACCESS_POLICY[key] as Access | undefined;
      if (!access) return [];
      const targets = [handler, controller] as unknown as Parameters<Reflector['getAllAndOverride']>[1];
      const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) ?? false;
      const rolesDisagree = roles !== undefined && [...roles].sort().join() !== [...access.roles].sort().join();
      return rolesDisagree || isPublic !== (access.scope === 'public') ? [{ key, decorated: { roles, isPublic }, table: access }] : [];
    });
    expect(disagreements).toEqual([]);
  });

  it('names roles for every non-public route, and none for public ones', () => {
    for (const [key, access] of Object.entries(ACCESS_POLICY)) {
      expect({ key, hasRoles: access.roles.length > 0 }).toEqual({ key, hasRoles: access.scope !== 'public' });
    }
  });

  it('confines unit users on every route a unit user may call', () => {
    const unitRoutes = Object.entries(ACCESS_POLICY).filter(([, access]) => access.roles.includes('unit'));
    expect(unitRoutes.map(([key]) => key).sort()).toEqual(
      [
        'GET /findings',
        'GET /findings/:id',
        'GET /ledger',
        'POST /findings/:id/extension',
        'POST /findings/:id/plan',
        'POST /findings/:id/report',
      ].sort(),
    );
    for (const [, access] of unitRoutes) expect(access.scope).toBe('own-unit');
  });
});
