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
    const [officers, reviewers, admins] = ['officer all', 'auditor,supervisor all', 'admin all'];
    // Jurisdiction (scoped): what an officer, supervisor or auditor with an orgUnitId sees, and a unit user its own unit.
    const [readersInJurisdiction, officersInJurisdiction, supervisorsInJurisdiction, reviewersInJurisdiction] = [
      'auditor,officer,supervisor scoped',
      'officer scoped',
      'supervisor scoped',
      'auditor,supervisor scoped',
    ];
    const [everyoneScoped, ownUnit] = ['auditor,officer,supervisor,unit scoped', 'unit scoped'];
    const everyoneScopedWithAdmin = 'admin,auditor,officer,supervisor,unit scoped';
    const [everyoneSignedIn, registerReaders] = ['admin,auditor,officer,supervisor,unit all', 'admin,officer,supervisor all'];
    expect(matrix).toEqual({
      'GET /health': ' public',
      'GET /health/live': ' public',
      'POST /dev/session': ' public',
      'GET /settings': ' public',
      'POST /cases': officers,
      'GET /cases': readersInJurisdiction,
      'GET /cases/:id': readersInJurisdiction,
      'POST /cases/:id/findings': officersInJurisdiction,
      'POST /cases/import': officers,
      'GET /findings': everyoneScoped,
      'GET /findings/:id': everyoneScoped,
      'GET /ledger': everyoneScoped,
      'POST /findings/:id/plan': ownUnit,
      'POST /findings/:id/report': ownUnit,
      'POST /findings/:id/extension': ownUnit,
      // Outside the supervisor's jurisdiction a decision answers 404 (role-matrix.int-spec.ts shows it).
      'POST /findings/:id/plan/decision': supervisorsInJurisdiction,
      'POST /findings/:id/verification': supervisorsInJurisdiction,
      'POST /findings/:id/extension/decision': supervisorsInJurisdiction,
      'POST /findings/:id/accountability/decision': supervisorsInJurisdiction,
      'POST /findings/:id/accountability/outcome': supervisorsInJurisdiction,
      'POST /findings/:id/follow-up': supervisorsInJurisdiction,
      'GET /approvals': supervisorsInJurisdiction,
      'GET /audit': reviewersInJurisdiction,
      'GET /audit/verify': reviewers,
      'GET /reports/summary': readersInJurisdiction,
      'GET /reports/trend': readersInJurisdiction,
      'GET /reports/overdue-ageing': readersInJurisdiction,
      'GET /reports/time-to-close': readersInJurisdiction,
      'GET /reports/accountability': readersInJurisdiction,
      'GET /ops/reconciliation': reviewersInJurisdiction,
      'GET /org-units': everyoneSignedIn,
      'GET /org-units/:id': everyoneSignedIn,
      'PUT /org-units/:id': admins,
      'POST /org-units/import': admins,
      'GET /people': registerReaders,
      'PUT /people/:id': admins,
      // A file is read by its uploader or by whoever sees a finding it is evidence of; a document by whoever sees a finding it concerns.
      'POST /files': 'officer,supervisor,unit all',
      'GET /files/:id': everyoneScoped,
      'GET /files/:id/downloads': readersInJurisdiction,
      'GET /findings/:id/documents': everyoneScoped,
      'GET /documents/:id': everyoneScoped,
      // 建议书: drafted and revised by officers, signed off by a supervisor, signed for and answered by its unit.
      'POST /cases/:id/recommendations': officersInJurisdiction,
      'GET /recommendations': everyoneScoped,
      'GET /recommendations/:id': everyoneScoped,
      'GET /recommendations/:id/document': everyoneScoped,
      'PATCH /recommendations/:id': officersInJurisdiction,
      'POST /recommendations/:id/submit': officersInJurisdiction,
      'POST /recommendations/:id/signoff': supervisorsInJurisdiction,
      'POST /recommendations/:id/receipt': ownUnit,
      'POST /recommendations/:id/reply': ownUnit,
      'GET /reports/recommendations': readersInJurisdiction,
      // 约谈: read by the discipline side, scheduled and recorded by officers and supervisors.
      'GET /interviews': readersInJurisdiction,
      'GET /interviews/:id': readersInJurisdiction,
      'POST /interviews/:id/schedule': 'officer,supervisor scoped',
      'POST /interviews/:id/record': 'officer,supervisor scoped',
      // 通知: everyone's own inbox (a unit user's unit's, a supervisor's awaiting a decision in the jurisdiction).
      'GET /notifications': everyoneScopedWithAdmin,
      'POST /notifications/:id/read': everyoneScopedWithAdmin,
      'POST /notifications/read-all': everyoneScopedWithAdmin,
      // The outbox: supervisors within the jurisdiction, admins (who run the channels) all of it.
      'GET /ops/notifications': 'admin,supervisor scoped',
      'POST /ops/notifications/:id/retry': 'admin,supervisor scoped',
    });
  });

  it('lets admin keep the registers, its own inbox and the outbox, and read nothing of cases, findings, the audit log or reports', () => {
    const adminRoutes = routes.filter((route) => route.rule && rolesOf(route.rule).includes('admin')).map((route) => route.key);
    expect(adminRoutes.sort()).toEqual(
      [
        'GET /org-units',
        'GET /org-units/:id',
        'GET /people',
        'POST /org-units/import',
        'PUT /org-units/:id',
        'PUT /people/:id',
        'GET /notifications',
        'POST /notifications/:id/read',
        'POST /notifications/read-all',
        'GET /ops/notifications',
        'POST /ops/notifications/:id/retry',
      ].sort(),
    );
    const registerWrites = routes.filter((route) => /^(PUT|POST) \/(org-units|people)/.test(route.key));
    for (const { key, rule } of registerWrites) expect({ key, roles: rule && rolesOf(rule) }).toEqual({ key, roles: ['admin'] });
  });

  it('names roles for every non-public route, and none for public ones', () => {
    const publicRoutes = routes.filter((route) => route.rule?.scope === 'public').map((route) => route.key);
    expect(publicRoutes.sort()).toEqual(['GET /health', 'GET /health/live', 'GET /settings', 'POST /dev/session']);
    for (const { key, rule } of routes) {
      if (rule) expect({ key, hasRoles: rolesOf(rule).length > 0 }).toEqual({ key, hasRoles: rule.scope !== 'public' });
    }
  });

  it('confines unit users on every route a unit user may call that serves findings, recommendations or notifications; the org-unit register is open to every role', () => {
    const unitRoutes = routes.filter((route) => route.rule && rolesOf(route.rule).includes('unit'));
    expect(unitRoutes.map((route) => route.key).sort()).toEqual(
      [
        'GET /findings',
        'GET /findings/:id',
        'GET /ledger',
        'GET /org-units',
        'GET /org-units/:id',
        'POST /files',
        'GET /files/:id',
        'GET /findings/:id/documents',
        'GET /documents/:id',
        'POST /findings/:id/extension',
        'POST /findings/:id/plan',
        'POST /findings/:id/report',
        'GET /recommendations',
        'GET /recommendations/:id',
        'GET /recommendations/:id/document',
        'POST /recommendations/:id/receipt',
        'POST /recommendations/:id/reply',
        'GET /notifications',
        'POST /notifications/:id/read',
        'POST /notifications/read-all',
      ].sort(),
    );
    for (const { key, rule } of unitRoutes) {
      // Uploading reads nothing; everything else a unit user reads is confined to its own unit.
      expect({ key, scope: rule?.scope }).toEqual({ key, scope: key.includes('/org-units') || key === 'POST /files' ? 'all' : 'scoped' });
    }
  });
});
