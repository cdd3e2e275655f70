import { Module } from '@nestjs/common';
import { CLOCK, OutboxRelayLifecycle, provideReadModels, systemClock } from '@vertrouwd/service-kit';
import { AdvisorCasesHttpController } from './api/http/advisor-cases.http.controller';
import { AuditHttpController } from './api/http/audit.http.controller';
import { CaseHandoverHttpController } from './api/http/case-handover.http.controller';
import { CaseWorkHttpController } from './api/http/case-work.http.controller';
import { CoordinatorHttpController } from './api/http/coordinator.http.controller';
import { CaseWork } from './application/case-work';
import { CaseRepository } from './application/case.repository';
import { COMMAND_HANDLERS } from './application/command-handlers';
import { ReportSubmittedListener } from './application/integration/report-submitted.listener';
import { DeadlineWatch } from './application/jobs/deadline-watch.job';
import { RetentionJob } from './application/jobs/retention.job';
import { CASE_READ_MODEL, RETENTION_SETTINGS } from './application/ports/case-read-model.port';
import { CaseOverviewProjector } from './application/projections/case-overview/case-overview.projector';
import { CaseOverview } from './application/projections/case-overview/case-overview.read-model';
import { LegalClocksProjector } from './application/projections/legal-clocks/legal-clocks.projector';
import { LegalClock } from './application/projections/legal-clocks/legal-clocks.read-model';
import { AuditReplay } from './application/queries/audit-replay.query';
import { CaseLists } from './application/queries/case-lists.query';
import { ReadCase } from './application/queries/read-case.query';
import { AgencyRetention } from './application/retention/agency-retention.read-model';
import { SqlCaseReadModel } from './infrastructure/case-read-model.sql';
import { CaseReadModels1733500000000 } from './infrastructure/migrations/1733500000000-case-read-models';
import { CaseOverviewReporterAsked1796480000000 } from './infrastructure/migrations/1796480000000-case-overview-reporter-asked';

@Module({
  controllers: [
    CoordinatorHttpController,
    AdvisorCasesHttpController,
    CaseWorkHttpController,
    CaseHandoverHttpController,
    AuditHttpController,
  ],
  providers: [
    ...provideReadModels({
      entities: [CaseOverview, LegalClock, AgencyRetention],
      migrations: [CaseReadModels1733500000000, CaseOverviewReporterAsked1796480000000],
      projectors: [new CaseOverviewProjector(), new LegalClocksProjector()],
    }),
    SqlCaseReadModel,
    { provide: CASE_READ_MODEL, useExisting: SqlCaseReadModel },
    { provide: RETENTION_SETTINGS, useExisting: SqlCaseReadModel },
    { provide: CLOCK, useValue: systemClock },
    CaseRepository,
    CaseWork,
    ...COMMAND_HANDLERS,
    CaseLists,
    ReadCase,
    AuditReplay,
    ReportSubmittedListener,
    OutboxRelayLifecycle,
    DeadlineWatch,
    RetentionJob,
  ],
})
export class CaseModule {}
