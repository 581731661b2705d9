import { Module } from '@nestjs/common';
import { AppConfigModule, LoggingModule } from '@reform/config';
import { ApprovalsModule } from './approvals/approvals.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { DatabaseModule } from './database/database.module';
import { DevSessionModule } from './dev-session/dev-session.module';
import { DocumentsModule } from './documents/documents.module';
import { ErrorsModule } from './errors/errors.module';
import { FilesModule } from './files/files.module';
import { FindingsModule } from './findings/findings.module';
import { HealthModule } from './health/health.module';
import { LedgerModule } from './ledger/ledger.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpsModule } from './ops/ops.module';
import { OrganisationModule } from './organisation/organisation.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { InterviewsModule } from './interviews/interviews.module';
import { ReportsModule } from './reports/reports.module';
import { SettingsModule } from './settings/settings.module';
import { TemporalClientModule } from '@reform/temporal';
import { MetricsModule } from './metrics/metrics.module';
import { TemporalClientInterceptorsModule } from './temporal/temporal-client-interceptors.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    TemporalClientModule,
    TemporalClientInterceptorsModule,
    MetricsModule,
    HealthModule,
    ErrorsModule,
    AuthModule,
    OrganisationModule,
    CasesModule,
    FindingsModule,
    FilesModule,
    DocumentsModule,
    RecommendationsModule,
    InterviewsModule,
    NotificationsModule,
    ApprovalsModule,
    AuditModule,
    ReportsModule,
    LedgerModule,
    OpsModule,
    DevSessionModule,
    SettingsModule,
    LifecycleModule,
  ],
})
export class AppModule {}
