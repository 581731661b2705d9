import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/current-user.decorator';
import { causeChain } from './backing-service-failures';
import { toErrorReply } from './error-reply';

/** The stack, then each cause with its code (a gRPC status says more than the SDK's message over it). */
function withCauses(error: Error): string {
  const causes = causeChain(error)
    .slice(1)
    .map((cause) => {
      const { code } = cause as { code?: unknown };
      return `caused by ${cause.name}: ${cause.message}${code === undefined ? '' : ` (code ${String(code)})`}`;
    });
  return [error.stack ?? `${error.name}: ${error.message}`, ...causes].join('\n');
}

/** The single exception filter: every error leaves as the contract's JSON body, never a stack or SQL. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = toErrorReply(exception);
    const http = host.switchToHttp();
    if (reply.unexpected) {
      // The stack goes to the log (with the request id the logger binds, and the user), never to the client.
      const stack = exception instanceof Error ? withCauses(exception) : String(exception);
      const user = http.getRequest<AuthenticatedRequest | undefined>()?.user?.id ?? 'anonymous';
      this.logger.error(`${reply.body.statusCode} ${reply.body.message} (user ${user})`, stack);
    }
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    // A header set on the way here (the rate limiter's exact Retry-After) wins over the default.
    for (const [name, value] of Object.entries(reply.headers)) if (!response.hasHeader(name)) response.setHeader(name, value);
    response.status(reply.body.statusCode).json(reply.body);
  }
}
