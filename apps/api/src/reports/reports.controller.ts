import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingsSummary } from '@reform/persistence';
import { Roles } from '../auth/roles.decorator';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Roles('officer', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'totals by status, escalation level and unit, and the rectification rate' })
  summary(): Promise<FindingsSummary> {
    return this.reports.summary();
  }
}
