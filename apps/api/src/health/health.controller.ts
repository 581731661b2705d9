import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthReport, Liveness } from '@reform/contracts';
import { HealthReportSchema, LivenessSchema } from '@reform/contracts/http';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator';
import { Responds } from '../docs/responds.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Access({ scope: 'public' })
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers; never depends on PostgreSQL or Temporal, so an outage restarts nothing. */
  @Get('live')
  @Responds(200, LivenessSchema, 'the process answers')
  live(): Liveness {
    return { status: 'ok' };
  }

  /** Readiness: 503 while PostgreSQL or Temporal is away, so traffic goes to replicas that can serve it. */
  @Get()
  @Responds(200, HealthReportSchema, 'PostgreSQL and Temporal both answer')
  @Responds(503, HealthReportSchema, 'PostgreSQL or Temporal does not answer (its check says "down")')
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
