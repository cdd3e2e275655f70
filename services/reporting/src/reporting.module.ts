import { Module } from '@nestjs/common';
import { OutboxRelayLifecycle, provideReadModels } from '@vertrouwd/service-kit';
import {
  AgencyReportsHttpController,
  EmployerReportsHttpController,
  ReportSigningKeysHttpController,
} from './api/http/reporting.http.controller';
import { AgencyComplianceHttpController, EmployerComplianceHttpController } from './api/http/compliance-benchmarks.http.controller';
import { JournalListener } from './application/integration/journal.listener';
import { REPORT_COMPOSER } from './application/ports/report-composer.port';
import { REPORTING_READS, REPORT_SIGNER } from './application/ports/reporting-reads.port';
import { DisclosureRulesRepository, FactsJournal, ReportsRepository } from './application/reporting.repositories';
import { AgencyRulesProjector } from './application/disclosure-rules/agency-rules.projector';
import { DisclosureRulesService } from './application/disclosure-rules/disclosure-rules.service';
import { DisclosureRulesHttpController } from './api/http/disclosure-rules.http.controller';
import { ReportsService } from './application/reports/reports.service';
import { BenchmarksService } from './application/benchmarks/benchmarks.service';
import { ComplianceService } from './application/compliance/compliance.service';
import { REPORTING_MIGRATIONS } from './infrastructure/migrations';
import { ReadModelRebuild } from './infrastructure/read-model-rebuild.sql';
import { PooledReportComposer } from './infrastructure/composing/pooled-report-composer';
import { SealedReportSigner, SqlReportingReads } from './infrastructure/reporting-reads.sql';

/** Wires the service: read models, the facts journal fed by other services' events, reports, the API. */
@Module({
  controllers: [
    AgencyReportsHttpController,
    EmployerReportsHttpController,
    AgencyComplianceHttpController,
    EmployerComplianceHttpController,
    ReportSigningKeysHttpController,
    DisclosureRulesHttpController,
  ],
  providers: [
    ...provideReadModels({ entities: [], migrations: REPORTING_MIGRATIONS, projectors: [new AgencyRulesProjector()] }),
    { provide: REPORTING_READS, useClass: SqlReportingReads },
    { provide: REPORT_SIGNER, useClass: SealedReportSigner },
    { provide: REPORT_COMPOSER, useClass: PooledReportComposer },
    ReportsRepository,
    DisclosureRulesRepository,
    DisclosureRulesService,
    FactsJournal,
    ReportsService,
    BenchmarksService,
    ComplianceService,
    JournalListener,
    ReadModelRebuild,
    OutboxRelayLifecycle,
  ],
})
export class ReportingModule {}
