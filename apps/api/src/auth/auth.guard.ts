import {
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@reform/contracts';
import { accessFor, type Access } from './access-policy';
import type { AuthenticatedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { routeKey, type RouteHandler } from './route-key';
import { TokenVerifier } from './token-verifier';

const NOBODY: Access = { roles: [], scope: 'all' };

/**
 * Global: every route answers to ACCESS_POLICY — 401 without a valid bearer token, 403 without one
 * of its roles. A route missing from the table (access-policy.spec.ts fails for it) falls back to
 * its @Public()/@Roles() decorators, and with neither it is refused to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);
  private readonly accessByHandler = new WeakMap<object, Access>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.accessOf(context);
    if (access.scope === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.verifier.verify(bearerToken(request.headers.authorization));
    request.user = user;
    if (!access.roles.some((role) => user.roles.includes(role))) {
      throw new ForbiddenException(access.roles.length ? `requires one of the roles: ${access.roles.join(', ')}` : 'not allowed to anyone');
    }
    return true;
  }

  private accessOf(context: ExecutionContext): Access {
    const handler = context.getHandler();
    let access = this.accessByHandler.get(handler);
    if (!access) {
      const key = routeKey(context.getClass(), handler as RouteHandler);
      access = accessFor(key) ?? this.fromDecorators(context, key);
      this.accessByHandler.set(handler, access);
    }
    return access;
  }

  private fromDecorators(context: ExecutionContext, key: string | undefined): Access {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return { roles: [], scope: 'public' };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    this.logger.warn(`${key ?? context.getHandler().name} is missing from ACCESS_POLICY; ${roles ? 'using its @Roles()' : 'refusing it'}`);
    return roles ? { roles, scope: 'all' } : NOBODY;
  }
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedException('missing bearer token in the Authorization header');
  return match[1];
}
