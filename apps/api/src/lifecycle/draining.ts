import { Injectable, type NestMiddleware, type OnModuleDestroy } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Set once shutdown begins (SIGTERM): requests already running finish, new ones are sent elsewhere. */
@Injectable()
export class Draining implements OnModuleDestroy {
  active = false;

  onModuleDestroy(): void {
    this.active = true;
  }
}

/**
 * While draining, a request that still arrives (on a kept-alive connection) gets a retryable 503
 * in the contract's error shape and a closed connection, never a reset socket.
 */
@Injectable()
export class DrainingMiddleware implements NestMiddleware {
  constructor(private readonly draining: Draining) {}

  use(_request: Request, response: Response, next: NextFunction): void {
    if (!this.draining.active) return next();
    response
      .status(503)
      .set({ 'Retry-After': '1', Connection: 'close' })
      .json({ statusCode: 503, error: 'Service Unavailable', message: 'this API instance is shutting down; retry' });
  }
}
