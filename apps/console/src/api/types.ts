/** The API's shapes, as the contract (`@reform/contracts`) declares them: the console restates none. */
export type {
  Accountability,
  ApprovalKind,
  CaseSource,
  CaseStatus,
  CaseView,
  CaseWithFindings,
  Evidence,
  FindingsSummary,
  FindingStatus,
  FindingView,
  FindingWithEvents,
  LedgerItem,
  Page,
  Role,
  TimelineEvent,
} from '@reform/contracts';
