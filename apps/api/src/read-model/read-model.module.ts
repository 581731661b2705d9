import { Module, type Provider } from '@nestjs/common';
import {
  AccountabilityReportQueries,
  AuditChainQueries,
  AuditQueries,
  CaseQueries,
  DeliveryQueries,
  FindingQueries,
  IdempotencyStore,
  InboxQueries,
  InterviewQueries,
  LedgerQueries,
  RecommendationQueries,
  ReportAnalyticsQueries,
  ReportQueries,
} from '@reform/persistence';
import { DataSource } from 'typeorm';

const QUERY_CLASSES = [
  CaseQueries,
  FindingQueries,
  AuditQueries,
  AuditChainQueries,
  ReportQueries,
  IdempotencyStore,
  LedgerQueries,
  ReportAnalyticsQueries,
  RecommendationQueries,
  InterviewQueries,
  AccountabilityReportQueries,
  InboxQueries,
  DeliveryQueries,
];

/** The read side of PostgreSQL (plain classes from persistence), made injectable. */
const providers: Provider[] = QUERY_CLASSES.map((queries) => ({
  provide: queries,
  inject: [DataSource],
  useFactory: (dataSource: DataSource) => new queries(dataSource),
}));

@Module({ providers, exports: QUERY_CLASSES })
export class ReadModelModule {}
