import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import { localDate } from '@reform/domain';
import type { FindingsSummary, OverdueAgeing, TimeToClose, Trend } from '@reform/contracts';
import { ReportAnalyticsQueries, ReportQueries } from '@reform/persistence';
import { InvalidInputError } from '../errors/invalid-input.error';
import { inclusiveRange } from '../validation/date-range';
import type { ReportQuery } from './dto/report.query';

/** A trend without `from` covers the twelve months up to `to` (or now); at most ten years. */
export const DEFAULT_TREND_MONTHS = 12;
export const MAX_TREND_MONTHS = 120;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportQueries,
    private readonly analytics: ReportAnalyticsQueries,
    private readonly config: AppConfigService,
  ) {}

  private get timeZone(): string {
    return this.config.workingDays.timeZone;
  }

  /** Findings recorded in the period (all when no period), of one unit or all. */
  summary(query: ReportQuery = {}): Promise<FindingsSummary> {
    return this.reports.summary({ created: inclusiveRange(query.from, query.to, this.timeZone), unitId: query.unitId });
  }

  async trend(query: ReportQuery): Promise<Trend> {
    const monthAt = (value: string | undefined) =>
      localDate(this.timeZone, value === undefined ? Date.now() : Date.parse(value)).slice(0, 7);
    const toMonth = monthAt(query.to);
    const fromMonth = query.from === undefined ? monthOf(monthIndex(toMonth) - DEFAULT_TREND_MONTHS + 1) : monthAt(query.from);
    const span = monthIndex(toMonth) - monthIndex(fromMonth) + 1;
    if (span < 1) throw new InvalidInputError('from must not be after to', 'from');
    if (span > MAX_TREND_MONTHS) throw new InvalidInputError(`a trend covers at most ${MAX_TREND_MONTHS} months; narrow from..to`);
    const months = await this.analytics.trend({ fromMonth, toMonth, timeZone: this.timeZone, unitId: query.unitId });
    return { timeZone: this.timeZone, months };
  }

  overdueAgeing(unitId?: string): Promise<OverdueAgeing> {
    return this.analytics.overdueAgeing(new Date().toISOString(), unitId);
  }

  /** Of findings closed out (销号) in the period. */
  timeToClose(query: ReportQuery): Promise<TimeToClose> {
    return this.analytics.timeToClose(inclusiveRange(query.from, query.to, this.timeZone) ?? {}, query.unitId);
  }
}
