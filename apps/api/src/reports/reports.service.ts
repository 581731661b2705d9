import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { localDate } from '@reform/domain';
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
  AccountabilityReportQueries,
  RecommendationQueries,
  ReportAnalyticsQueries,
  ReportQueries,
  summarise,
  type FindingSlice,
} from '@reform/persistence';
import { AccessScope } from '../auth/access-scope';
import { InvalidInputError } from '../errors/invalid-input.error';
import { inclusiveRange } from '../validation/date-range';
import type { AgeingQuery, ReportQuery } from './dto/report.query';

/** A trend without `from` covers the twelve months up to `to` (or now); at most ten years. */
export const DEFAULT_TREND_MONTHS = 12;
export const MAX_TREND_MONTHS = 120;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** A slice no finding lies in. */
const NOTHING: FindingSlice = { within: [{ unitIds: [], trackingOfficeIds: [] }] };

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportQueries,
    private readonly analytics: ReportAnalyticsQueries,
    private readonly config: AppConfigService,
    private readonly scope: AccessScope,
    private readonly recommendationRows: RecommendationQueries,
    private readonly accountabilityRows: AccountabilityReportQueries,
  ) {}

  private get timeZone(): string {
    return this.config.workingDays.timeZone;
  }

  /** Findings recorded in the period (all when no period), of one unit or all, within the caller's (and the asked org unit's) jurisdiction. */
  async summary(query: ReportQuery, user: Principal): Promise<FindingsSummary> {
    const slice = await this.scope.reportFilter(user, query);
    if (slice === null) return summarise([]);
    return this.reports.summary({ created: inclusiveRange(query.from, query.to, this.timeZone), ...slice });
  }

  async trend(query: ReportQuery, user: Principal): Promise<Trend> {
    const monthAt = (value: string | undefined) =>
      localDate(this.timeZone, value === undefined ? Date.now() : Date.parse(value)).slice(0, 7);
    const toMonth = monthAt(query.to);
    const fromMonth = query.from === undefined ? monthOf(monthIndex(toMonth) - DEFAULT_TREND_MONTHS + 1) : monthAt(query.from);
    const span = monthIndex(toMonth) - monthIndex(fromMonth) + 1;
    if (span < 1) throw InvalidInputError.of('from', 'order', 'from must not be after to');
    if (span > MAX_TREND_MONTHS)
      throw InvalidInputError.of(
        'from',
        'outOfRange',
        `a trend covers at most ${MAX_TREND_MONTHS} months; narrow from..to`,
        MAX_TREND_MONTHS,
      );
    const months = await this.analytics.trend({ fromMonth, toMonth, timeZone: this.timeZone, slice: await this.sliceFor(query, user) });
    return { timeZone: this.timeZone, months };
  }

  async overdueAgeing(query: AgeingQuery, user: Principal): Promise<OverdueAgeing> {
    return this.analytics.overdueAgeing(new Date().toISOString(), await this.sliceFor(query, user));
  }

  /** Of findings closed out (销号) in the period. */
  async timeToClose(query: ReportQuery, user: Principal): Promise<TimeToClose> {
    return this.analytics.timeToClose(inclusiveRange(query.from, query.to, this.timeZone) ?? {}, await this.sliceFor(query, user));
  }

  /** 建议书 issued in the period: how many were signed for (签收) and answered (书面回复) in time, by unit. */
  async recommendations(query: ReportQuery, user: Principal): Promise<RecommendationReport> {
    const issued = inclusiveRange(query.from, query.to, this.timeZone);
    const counts = await this.recommendationRows.report({ issued, ...(await this.sliceFor(query, user)) });
    return { from: issued?.from ?? null, to: issued?.before ?? null, ...counts };
  }

  /** 约谈 and 问责 in the period: interviews by when proposed, referrals by their decision, outcomes by their decision date. */
  async accountability(query: ReportQuery, user: Principal): Promise<AccountabilityReport> {
    const period = inclusiveRange(query.from, query.to, this.timeZone);
    const counts = await this.accountabilityRows.report({ period, ...(await this.sliceFor(query, user)) });
    return { from: period?.from ?? null, to: period?.before ?? null, ...counts };
  }

  /** Nothing at all when the unit or org unit asked for lies outside the caller's jurisdiction. */
  private async sliceFor(query: AgeingQuery, user: Principal): Promise<FindingSlice> {
    return (await this.scope.reportFilter(user, query)) ?? NOTHING;
  }
}
