import { Module, type Provider } from '@nestjs/common';
import { AuditQueries, CaseQueries, FindingQueries, IdempotencyStore, ReportQueries } from '@reform/persistence';
import { DataSource } from 'typeorm';

const QUERY_CLASSES = [CaseQueries, FindingQueries, AuditQueries, ReportQueries, IdempotencyStore];

/** The read side of PostgreSQL (plain classes from persistence), made injectable. */
const providers: Provider[] = QUERY_CLASSES.map((queries) => ({
  provide: queries,
  inject: [DataSource],
  useFactory: (dataSource: DataSource) => new queries(dataSource),
}));

@Module({ providers, exports: QUERY_CLASSES })
export class ReadModelModule {}
