import { createUnstartedApp } from '../testing/unstarted-app';
import { routesOf, type RouteAccess } from '../testing/routes-of';
import { rolesOf } from './access.decorator';

describe('the role matrix: the @Access() rule of every route', () => {
  let routes: RouteAccess[];

  beforeAll(async () => {
    routes = routesOf(await createUnstartedApp());
  });

  it('finds the routes of the app', () => {
    expect(routes.map((route) => route.key)).toEqual(expect.arrayContaining(['POST /cases', 'GET /findings/:id', 'GET /audit/verify']));
  });

  it('has a rule on every route of the app (add @Access() to a new route: without one it is refused to everyone)', () => {
    expect(routes.filter((route) => route.rule === undefined).map((route) => route.key)).toEqual([]);
  });

  it('publishes each rule in the OpenAPI document as x-roles and x-scope', () => {
    for (const { key, rule, documented } of routes) {
      expect({ key, ...documented }).toEqual({ key, roles: rule && rolesOf(rule), scope: rule?.scope });
    }
  });

  it('is the matrix the README states (a change here is a change of who may call what)', () => {
    const matrix = Object.fromEntries(routes.map(({ key, rule }) => [key, rule && `${[...rolesOf(rule)].sort().join(',')} ${rule.scope}`]));
    const [officers, readers, supervisors, reviewers] = [
      'officer all',
      'auditor,officer,supervisor all',
      'supervisor all',
      'auditor,supervisor all',
    ];
    const [everyoneOwnUnit, ownUnit] = ['auditor,officer,supervisor,unit own-unit', 'unit own-unit'];
    expect(matrix).toEqual({
      'GET /health': ' public',
      'GET /health/live': ' public',
      'POST /dev/session': ' public',
      'POST /cases': officers,
      'GET /cases': readers,
      'GET /cases/:id': readers,
      'POST /cases/:id/findings': officers,
      'POST /cases/import': officers,
      'GET /findings': everyoneOwnUnit,
      'GET /findings/:id': everyoneOwnUnit,
      'GET /ledger': everyoneOwnUnit,
      'POST /findings/:id/plan': ownUnit,
      'POST /findings/:id/report': ownUnit,
      'POST /findings/:id/extension': ownUnit,
      'POST /findings/:id/plan/decision': supervisors,
      'POST /findings/:id/verification': supervisors,
      'POST /findings/:id/extension/decision': supervisors,
      'POST /findings/:id/accountability/decision': supervisors,
      'POST /findings/:id/follow-up': supervisors,
      'GET /approvals': supervisors,
      'GET /audit': reviewers,
      'GET /audit/verify': reviewers,
      'GET /reports/summary': readers,
      'GET /reports/trend': readers,
      'GET /reports/overdue-ageing': readers,
      'GET /reports/time-to-close': readers,
      'GET /ops/reconciliation': reviewers,
    });
  });

  it('names roles for every non-public route, and none for public ones', () => {
    const publicRoutes = routes.filter((route) => route.rule?.scope === 'public').map((route) => route.key);
    expect(publicRoutes.sort()).toEqual(['GET /health', 'GET /health/live', 'POST /dev/session']);
    for (const { key, rule } of routes) {
      if (rule) expect({ key, hasRoles: rolesOf(rule).length > 0 }).toEqual({ key, hasRoles: rule.scope !== 'public' });
    }
  });

  it('confines unit users on every route a unit user may call', () => {
    const unitRoutes = routes.filter((route) => route.rule && rolesOf(route.rule).includes('unit'));
    expect(unitRoutes.map((route) => route.key).sort()).toEqual(
      [
        'GET /findings',
        'GET /findings/:id',
        'GET /ledger',
        'POST /findings/:id/extension',
        'POST /findings/:id/plan',
        'POST /findings/:id/report',
      ].sort(),
    );
    for (const { rule } of unitRoutes) expect(rule?.scope).toBe('scoped');
  });
});
