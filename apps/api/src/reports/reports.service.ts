import { Injectable } from '@nestjs/common';
import { ReportQueries, type FindingsSummary } from '@reform/persistence';

@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportQueries) {}

  summary(): Promise<FindingsSummary> {
    return this.reports.summary();
  }
}
