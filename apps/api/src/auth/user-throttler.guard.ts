import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { accessRuleOf } from './access.decorator';
import type { AuthenticatedRequest } from './current-user.decorator';

/**
 * Rate limit per user: one budget per signed-in caller across every route (RATE_LIMIT_PER_MINUTE),
 * answered with 429 and Retry-After when spent. Runs after the auth guard, so `req.user` is known;
 * public routes (health probes) are not limited.
 */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return accessRuleOf(this.reflector, context)?.scope === 'public';
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = (req as Partial<AuthenticatedRequest>).user;
    return user ? `user:${user.id}` : `ip:${String(req['ip'])}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
