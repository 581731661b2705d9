import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { OpsService, type ReconciliationReport } from './ops.service';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('ops')
export class OpsController {
  constructor(private readonly ops: OpsService) {}

  @Get('reconciliation')
  @Access({ roles: ['supervisor', 'auditor'], scope: 'all' })
  @ApiOperation({ summary: '对账 — the last reconciliation run: what it checked, repaired and could not repair' })
  reconciliation(): Promise<ReconciliationReport> {
    return this.ops.reconciliation();
  }
}
