import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindingsSummary, OverdueAgeing, TimeToClose } from '@reform/persistence';
import { Access } from '../auth/access.decorator';
import { AgeingQuery, ReportQuery } from './dto/report.query';
import { ReportsService, type Trend } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Access({ roles: ['officer', 'supervisor', 'auditor'], scope: 'all' })
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiOperation({
    summary: 'totals by status, escalation level and unit, and the rectification rate — of findings recorded from..to, of one unit',
  })
  summary(@Query() query: ReportQuery): Promise<FindingsSummary> {
    return this.reports.summary(query);
  }

  @Get('trend')
  @ApiOperation({
    summary: 'per month (in TZ_BUSINESS) from..to, default the last 12: findings opened, closed out, and gone overdue',
  })
  trend(@Query() query: ReportQuery): Promise<Trend> {
    return this.reports.trend(query);
  }

  @Get('overdue-ageing')
  @ApiOperation({ summary: 'open overdue findings by calendar days past their deadline: ≤7, ≤30, ≤90, >90 — overall and by unit' })
  overdueAgeing(@Query() query: AgeingQuery): Promise<OverdueAgeing> {
    return this.reports.overdueAgeing(query.unitId);
  }

  @Get('time-to-close')
  @ApiOperation({ summary: 'days from recording to close-out (p50, p75, p90) of findings closed from..to — overall and by unit' })
  timeToClose(@Query() query: ReportQuery): Promise<TimeToClose> {
    return this.reports.timeToClose(query);
  }
}
