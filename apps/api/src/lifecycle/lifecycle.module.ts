import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { Draining, DrainingMiddleware } from './draining';

/** Graceful shutdown: in-flight requests finish (Nest closes the server after its destroy hooks). */
@Module({ providers: [Draining] })
export class LifecycleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DrainingMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
