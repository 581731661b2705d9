import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessScope } from './access-scope';
import { accessRuleOf, rolesOf } from './access.decorator';
import type { AuthenticatedRequest } from './current-user.decorator';
import { TokenVerifier } from './token-verifier';

/**
 * Global: every route answers to its @Access() rule — 401 without a valid bearer token, 403
 * without one of its roles, or with an org unit or unit the register does not know. A route without a rule is refused to everyone (signed in or not).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly scope: AccessScope,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = accessRuleOf(this.reflector, context);
    if (rule?.scope === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.verifier.verify(bearerToken(request.headers.authorization));
    request.user = user;
    const roles = rule ? rolesOf(rule) : [];
    if (!roles.some((role) => user.roles.includes(role))) {
      throw new ForbiddenException(roles.length ? `requires one of the roles: ${roles.join(', ')}` : 'not allowed to anyone');
    }
    await this.scope.admit(user);
    return true;
  }
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedException('missing bearer token in the Authorization header');
  return match[1];
}
