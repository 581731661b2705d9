import type { Role } from '@reform/contracts';
import type { RouteKey } from './route-key';

/**
 * What a caller with one of the roles sees through the route:
 * - `public`: no token needed;
 * - `all`: everything the route serves;
 * - `own-unit`: a caller whose only role is `unit` sees and acts on its own unit's findings only —
 *   another unit's finding answers 404 exactly like an unknown id, and lists leave it out.
 */
export type Scope = 'public' | 'all' | 'own-unit';

export interface Access {
  roles: readonly Role[];
  scope: Scope;
}

const EVERYONE: readonly Role[] = ['officer', 'supervisor', 'unit', 'auditor'];
const READERS: readonly Role[] = ['officer', 'supervisor', 'auditor'];
const REVIEWERS: readonly Role[] = ['auditor', 'supervisor'];

const open: Access = { roles: [], scope: 'public' };
const officers: Access = { roles: ['officer'], scope: 'all' };
const readers: Access = { roles: READERS, scope: 'all' };
const supervisors: Access = { roles: ['supervisor'], scope: 'all' };
const reviewers: Access = { roles: REVIEWERS, scope: 'all' };
const ownUnitReaders: Access = { roles: EVERYONE, scope: 'own-unit' };
const ownUnit: Access = { roles: ['unit'], scope: 'own-unit' };

/**
 * The role matrix: for every endpoint, who may call it and what they see. The auth guard enforces
 * it (403 for a role not listed, 401 without a valid token); the services enforce `own-unit`;
 * access-policy.spec.ts fails for a route missing here, and the role-matrix integration test calls
 * every endpoint as every role and checks the exact status.
 */
export const ACCESS_POLICY: Readonly<Record<RouteKey, Access>> = {
  'GET /health': open,
  'GET /health/live': open,
  // Local sign-in for the web console; 404 unless AUTH_DEV_LOGIN=true, refused at boot in production.
  'POST /dev/session': open,

  'POST /cases': officers,
  'GET /cases': readers,
  'GET /cases/:id': readers,
  'POST /cases/:id/findings': officers,
  'POST /cases/import': officers,

  'GET /findings': ownUnitReaders,
  'GET /findings/:id': ownUnitReaders,
  'GET /ledger': ownUnitReaders,
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
  'GET /ops/reconciliation': { roles: ['supervisor', 'auditor'], scope: 'all' },
};

export function accessFor(key: RouteKey | undefined): Access | undefined {
  return key === undefined ? undefined : ACCESS_POLICY[key];
}
