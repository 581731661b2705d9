import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal, ReconciliationReport } from '@reform/contracts';
import { ReconciliationReportSchema } from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Responds } from '../docs/responds.decorator';
import { OpsService } from './ops.service';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('ops')
export class OpsController {
  constructor(private readonly ops: OpsService) {}

  @Get('reconciliation')
  @Access({ roles: ['supervisor', 'auditor'], scope: 'scoped' })
  @ApiOperation({ summary: '对账 — the last reconciliation run: what it checked, repaired and could not repair' })
  @Responds(200, ReconciliationReportSchema, 'the schedule and its last run (null before the first)')
  reconciliation(@CurrentUser() user: Principal): Promise<ReconciliationReport> {
    return this.ops.reconciliation(user);
  }
}
