export type { FindingSlice, PageRequest, Within } from './sql-support';
export { FindingQueries, outcomeOf, type FindingFilter } from './finding.queries';
export { CaseQueries } from './case.queries';
export { AuditQueries, type AuditFilter } from './audit.queries';
export { AuditChainQueries } from './audit-chain.queries';
export { ReportQueries, summarise, type SummaryGroup } from './report.queries';
export { IdempotencyStore, type IdempotencyClaim, type IdempotencyRecord } from './idempotency.store';
export { LEDGER_ROWS_SQL, LedgerQueries, type LedgerFilter, type TimeRange } from './ledger.queries';
export type { ReportFilter } from './report.queries';
export { ReportAnalyticsQueries, type TrendRequest } from './report-analytics.queries';
export {
  RecommendationQueries,
  toRecommendationView,
  type RecommendationFilter,
  type RecommendationReportFilter,
} from './recommendation.queries';
export { InterviewQueries, toInterviewView, type InterviewFilter } from './interview.queries';
export { AccountabilityReportQueries, type AccountabilityReportFilter } from './accountability-report.queries';
export { InboxQueries, type InboxAudience } from './inbox.queries';
export { DeliveryQueries, type DeliveryFilter } from './delivery.queries';
export { OpsGaugeQueries, type OpsGauge, type OpsGaugeRow } from './ops-gauges.queries';
