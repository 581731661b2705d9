/**
 * The HTTP contract's response shapes, as types. Each is inferred from its zod schema in
 * `src/http` (one source for the type and the OpenAPI document); exported type-only, so importing
 * `@reform/contracts` at runtime (workflows, console) never loads zod.
 */
export type {
  AgeingBuckets,
  AuditEntry,
  CaseView,
  CaseWithFindings,
  ChainBreak,
  ChainVerdict,
  CloseTimes,
  DevSession,
  Drift,
  FindingsSummary,
  FindingView,
  FindingWithEvents,
  HealthReport,
  LedgerItem,
  LedgerRow,
  Liveness,
  OverdueAgeing,
  Page,
  ReconciliationReport,
  ReconciliationRun,
  ReconciliationStatus,
  ReconciliationTotals,
  TimelineEvent,
  TimeToClose,
  Trend,
  TrendMonth,
  UnitSummary,
} from '../http';
