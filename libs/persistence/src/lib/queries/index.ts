export type { PageRequest, PageResult } from './sql-support';
export { FindingQueries, type FindingFilter } from './finding.queries';
export { CaseQueries } from './case.queries';
export { AuditQueries, type AuditFilter } from './audit.queries';
export { AuditChainQueries, type ChainVerdict } from './audit-chain.queries';
export { ReportQueries, summarise, type FindingsSummary, type SummaryGroup, type UnitSummary } from './report.queries';
export { IdempotencyStore, type IdempotencyClaim, type IdempotencyRecord } from './idempotency.store';
export { LedgerQueries, type LedgerFilter, type LedgerRow, type TimeRange } from './ledger.queries';
export type { ReportFilter } from './report.queries';
export {
  ReportAnalyticsQueries,
  type AgeingBuckets,
  type CloseTimes,
  type OverdueAgeing,
  type TimeToClose,
  type TrendMonth,
  type TrendRequest,
} from './report-analytics.queries';
