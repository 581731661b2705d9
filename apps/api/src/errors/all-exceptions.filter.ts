import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorReply } from './error-reply';

/** The single exception filter: every error leaves as the contract's JSON body, never a stack or SQL. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = toErrorReply(exception);
    if (reply.unexpected) {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`${reply.body.statusCode} ${reply.body.message}`, stack);
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.status(reply.body.statusCode).set(reply.headers).json(reply.body);
  }
}
