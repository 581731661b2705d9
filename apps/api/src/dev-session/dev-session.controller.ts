import { Body, Controller, Logger, NotFoundException, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfigService } from '@reform/config';
import type { DevSession } from '@reform/contracts';
import { DevSessionSchema } from '@reform/contracts/http';
import { sign } from 'jsonwebtoken';
import { Access } from '../auth/access.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { DevSessionDto } from './dev-session.dto';

/** How long a local sign-in lasts: a working day, so the console does not sign out mid-demo. */
export const DEV_SESSION_SECONDS = 12 * 3600;

/**
 * Local sign-in for the web console: mints the same HS256 token `npm run token` prints. Answers
 * 404 unless AUTH_DEV_LOGIN=true (which `npm start` sets outside production); production refuses
 * the flag at boot, and users there sign in through the OIDC provider.
 */
@ApiTags('dev')
@Access({ scope: 'public' })
@Controller('dev/session')
export class DevSessionController {
  private readonly logger = new Logger(DevSessionController.name);

  constructor(private readonly config: AppConfigService) {}

  @Post()
  @ApiOperation({ summary: 'Local sign-in as a demo user (only with AUTH_DEV_LOGIN=true): a bearer token' })
  @Responds(201, DevSessionSchema, 'a token for the demo user')
  @Refuses(400, 404)
  create(@Body() dto: DevSessionDto): DevSession {
    const secret = this.config.auth.hs256Secret;
    if (!this.config.values.AUTH_DEV_LOGIN || this.config.auth.production || secret === null) {
      throw new NotFoundException('local sign-in is off: it needs AUTH_DEV_LOGIN=true, which npm start sets outside production');
    }
    const roles = [...new Set(dto.roles)];
    const claims = {
      name: dto.name ?? dto.sub,
      roles,
      ...(dto.unitId && { unitId: dto.unitId }),
      ...(dto.orgUnitId && { orgUnitId: dto.orgUnitId }),
    };
    const token = sign(claims, secret, { algorithm: 'HS256', subject: dto.sub, expiresIn: DEV_SESSION_SECONDS });
    this.logger.log(`local sign-in as ${dto.sub} (${roles.join(', ')})`);
    return { token, expiresAt: new Date(Date.now() + DEV_SESSION_SECONDS * 1000).toISOString() };
  }
}
