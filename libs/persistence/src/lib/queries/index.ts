export type { PageRequest, PageResult } from './sql-support';
export { FindingQueries, type FindingFilter } from './finding.queries';
export { CaseQueries } from './case.queries';
export { AuditQueries, type AuditFilter } from './audit.queries';
export { ReportQueries, summarise, type FindingsSummary, type SummaryGroup, type UnitSummary } from './report.queries';
export { IdempotencyStore, type IdempotencyClaim, type IdempotencyRecord } from './idempotency.store';
