import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@reform/contracts';
import type { Request } from 'express';

export type AuthenticatedRequest = Request & { user?: Principal };

/** The verified caller the auth guard attached to the request. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new UnauthorizedException('authentication required');
  return user;
});
