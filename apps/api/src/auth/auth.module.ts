import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfigService } from '@reform/config';
import { RegisterModule } from '../organisation/register.module';
import { AccessScope } from './access-scope';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';
import { UserThrottlerGuard } from './user-throttler.guard';

const MINUTE_MS = 60_000;

@Global()
@Module({
  imports: [
    RegisterModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => {
        const perMinute = config.values.RATE_LIMIT_PER_MINUTE;
        return {
          throttlers: [{ name: 'default', ttl: MINUTE_MS, limit: Math.max(perMinute, 1) }],
          skipIf: () => perMinute === 0,
          errorMessage: (_context, detail) =>
            `too many requests: at most ${detail.limit} a minute per user; retry in ${detail.timeToBlockExpire} s`,
        };
      },
    }),
  ],
  // In this order: the throttler counts per user, so it runs after the guard that knows the user.
  providers: [
    TokenVerifier,
    AccessScope,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: UserThrottlerGuard },
  ],
  exports: [TokenVerifier, AccessScope],
})
export class AuthModule {}
