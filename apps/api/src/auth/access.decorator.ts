import { applyDecorators, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@reform/contracts';

/**
 * What a caller with one of the roles sees through the route:
 * - `public`: no token needed;
 * - `all`: everything the route serves;
 * - `scoped`: what the route serves is confined to the caller's scope (`AccessScope.scopeFor`) —
 *   a caller whose only role is `unit` sees and acts on its own unit's findings only, an officer,
 *   supervisor or auditor with an `orgUnitId` on the findings within its jurisdiction; outside the
 *   scope a finding answers 404 exactly like an unknown id, and lists and reports leave it out.
 */
export type Scope = 'public' | 'all' | 'scoped';

/** Who may call a route, and what they see through it. */
export type AccessRule = { scope: 'public' } | { scope: Exclude<Scope, 'public'>; roles: readonly [Role, ...Role[]] };

export const ACCESS_RULE = 'reform:access';

/**
 * The one access rule of a route, on its handler or its controller (the handler's wins). The
 * global auth guard enforces it — 401 without a valid token, 403 without one of the roles — and
 * the OpenAPI document publishes it as `x-roles` and `x-scope`. A route without one is refused to
 * everyone, and role-matrix.spec.ts fails for it.
 */
export function Access(rule: AccessRule): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiExtension('x-roles', rolesOf(rule)), ApiExtension('x-scope', rule.scope));
}

export function rolesOf(rule: AccessRule): readonly Role[] {
  return rule.scope === 'public' ? [] : rule.roles;
}

/** The rule of the route a request is for; undefined when the route has none. */
export function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule | undefined {
  return reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
}
