import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AccountabilityReport,
  FindingsSummary,
  OverdueAgeing,
  Principal,
  RecommendationReport,
  TimeToClose,
  Trend,
} from '@reform/contracts';
import {
  AccountabilityReportSchema,
  FindingsSummarySchema,
  OverdueAgeingSchema,
  RecommendationReportSchema,
  TimeToCloseSchema,
  TrendSchema,
} from '@reform/contracts/http';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refuses, Responds } from '../docs/responds.decorator';
import { AgeingQuery, ReportQuery } from './dto/report.query';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Access({ roles: ['officer', 'supervisor', 'auditor'], scope: 'scoped' })
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiOperation({
    summary: 'totals by status, escalation level and unit, and the rectification rate — of findings recorded from..to, of one unit',
  })
  @Responds(200, FindingsSummarySchema, 'the summary')
  @Refuses(400)
  summary(@Query() query: ReportQuery, @CurrentUser() user: Principal): Promise<FindingsSummary> {
    return this.reports.summary(query, user);
  }

  @Get('trend')
  @ApiOperation({
    summary: 'per month (in TZ_BUSINESS) from..to, default the last 12: findings opened, closed out, and gone overdue',
  })
  @Responds(200, TrendSchema, 'the months, oldest first')
  @Refuses(400)
  trend(@Query() query: ReportQuery, @CurrentUser() user: Principal): Promise<Trend> {
    return this.reports.trend(query, user);
  }

  @Get('overdue-ageing')
  @ApiOperation({ summary: 'open overdue findings by calendar days past their deadline: ≤7, ≤30, ≤90, >90 — overall and by unit' })
  @Responds(200, OverdueAgeingSchema, 'the ageing buckets')
  @Refuses(400)
  overdueAgeing(@Query() query: AgeingQuery, @CurrentUser() user: Principal): Promise<OverdueAgeing> {
    return this.reports.overdueAgeing(query, user);
  }

  @Get('recommendations')
  @ApiOperation({
    summary:
      '建议书 issued from..to (by issue date in TZ_BUSINESS): how many signed for (签收) and answered (书面回复) in time, late or not yet — overall and by unit',
  })
  @Responds(200, RecommendationReportSchema, 'the counts')
  @Refuses(400)
  recommendations(@Query() query: ReportQuery, @CurrentUser() user: Principal): Promise<RecommendationReport> {
    return this.reports.recommendations(query, user);
  }

  @Get('accountability')
  @ApiOperation({
    summary:
      '约谈 and 问责 from..to: interviews proposed (by proposal date), held and overdue; referrals and rejections (by their decision) and outcomes (by decision date), by form, by 形态 and by unit',
  })
  @Responds(200, AccountabilityReportSchema, 'the counts')
  @Refuses(400)
  accountability(@Query() query: ReportQuery, @CurrentUser() user: Principal): Promise<AccountabilityReport> {
    return this.reports.accountability(query, user);
  }

  @Get('time-to-close')
  @ApiOperation({ summary: 'days from recording to close-out (p50, p75, p90) of findings closed from..to — overall and by unit' })
  @Responds(200, TimeToCloseSchema, 'the percentiles')
  @Refuses(400)
  timeToClose(@Query() query: ReportQuery, @CurrentUser() user: Principal): Promise<TimeToClose> {
    return this.reports.timeToClose(query, user);
  }
}
