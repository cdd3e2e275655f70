import { Module, type DynamicModule } from '@nestjs/common';
import { NoticeOutboxTable1765000000000, provideNotifier } from '@vertrouwd/notifications';
import { CLOCK, OutboxRelayLifecycle, provideReadModels, systemClock } from '@vertrouwd/service-kit';
import { IntakePageHttpController } from './api/http/intake-page.http.controller';
import { ReporterCaseHttpController } from './api/http/reporter-case.http.controller';
import { ReportsHttpController } from './api/http/reports.http.controller';
import { ClientAddresses } from './api/http/client-address';
import { AnswerSummaryHandler } from './application/answer-summary/answer-summary.handler';
import { ConfirmConsentHandler, GiveConsentHandler, WithdrawConsentHandler } from './application/consent/consent.handlers';
import { EraseReporterDataHandler } from './application/erase-reporter-data/erase-reporter-data.handler';
import { OpenFollowUpHandler } from './application/follow-up/open-follow-up.handler';
import { IntakeKeyring } from './application/intake-keyring';
import { IntakeDirectory } from './application/intake-page/intake-directory';
import { IntakePages } from './application/intake-page/intake-page';
import { ReporterNoticeDispatcher } from './application/notifications/reporter-notice.dispatcher';
import { INTAKE_LIMITS, IntakeThrottles, type IntakeLimits } from './application/intake-throttles';
import { INTAKE_READ_MODEL } from './application/ports/intake-read-model.port';
import { ReporterCaseReader } from './application/read-reporter-case/reporter-case.reader';
import { ReportWork } from './application/report-work';
import { ReportRepository } from './application/report.repository';
import { SendReporterMessageHandler } from './application/send-message/send-message.handler';
import { ReportGroups } from './application/submit-report/report-groups';
import { SubmitReportHandler } from './application/submit-report/submit-report.handler';
import { WithdrawReportHandler } from './application/withdraw-report/withdraw-report.handler';
import { ResumeReportHandler } from './application/resume-report/resume-report.handler';
import { AnswerIdentityRevealHandler } from './application/identity-reveal/answer-identity-reveal.handler';
import { CaseProgressListener } from './infrastructure/case-progress.listener';
import { DirectoryListener } from './infrastructure/directory.listener';
import { ReporterNoticesListener } from './infrastructure/reporter-notices.listener';
import { IntakeStartup } from './infrastructure/intake-startup';
import { SqlIntakeReadModel } from './infrastructure/intake-read-model.sql';
import { IntakeReadModels1733700000000 } from './infrastructure/migrations/1733700000000-intake-read-models';
import { WorkTimes1796490000005 } from './infrastructure/migrations/1796490000005-work-times';
import { DirectoryReadModels1796490000006 } from './infrastructure/migrations/1796490000006-directory-read-models';
import { IdentityReveals1796490000004 } from './infrastructure/migrations/1796490000004-identity-reveals';
import { ReporterFeedback1796490000002 } from './infrastructure/migrations/1796490000002-reporter-feedback';
import { ConsentsAndSummaryVersions1765300000000 } from './infrastructure/migrations/1765300000000-consents-and-summary-versions';
import { ReportStatusInOrder1796480000001 } from './infrastructure/migrations/1796480000001-report-status-in-order';
import { PageVisits1796500000020 } from './infrastructure/migrations/1796500000020-page-visits';
import { Throttle1796500000030 } from './infrastructure/migrations/1796500000030-throttle';
import { OrganisationSites1796500000040 } from './infrastructure/migrations/1796500000040-organisation-sites';
import { ReportDeadlines1796500000050 } from './infrastructure/migrations/1796500000050-report-deadlines';
import { SqlThrottleStore } from './infrastructure/throttle-store.sql';
import { THROTTLE_STORE } from './application/ports/throttle-store.port';
import { ThrottleSweepJob } from './application/throttle-sweep.job';
import { SqlPageVisitTallies } from './infrastructure/page-visits.sql';
import { PAGE_VISIT_TALLIES } from './application/ports/page-visits.port';
import { PageVisitsJob, PageVisitsWork } from './application/page-visits/page-visits.job';

@Module({
  // Fixed-segment routes (proof-key, follow-up, cases/…) are registered before the `:intakeCode` page.
  controllers: [ReportsHttpController, ReporterCaseHttpController, IntakePageHttpController],
  providers: [
    ...provideReadModels({
      entities: [],
      migrations: [
        IntakeReadModels1733700000000,
        NoticeOutboxTable1765000000000,
        ConsentsAndSummaryVersions1765300000000,
        ReportStatusInOrder1796480000001,
        ReporterFeedback1796490000002,
        IdentityReveals1796490000004,
        WorkTimes1796490000005,
        DirectoryReadModels1796490000006,
        PageVisits1796500000020,
        Throttle1796500000030,
        OrganisationSites1796500000040,
        ReportDeadlines1796500000050,
      ],
    }),
    SqlIntakeReadModel,
    { provide: INTAKE_READ_MODEL, useExisting: SqlIntakeReadModel },
    IntakeStartup,
    CaseProgressListener,
    DirectoryListener,
    provideNotifier(),
    ReporterNoticesListener,
    ReporterNoticeDispatcher,
    OutboxRelayLifecycle,
    ReportRepository,
    ReportWork,
    IntakeKeyring,
    IntakeThrottles,
    ClientAddresses,
    { provide: THROTTLE_STORE, useClass: SqlThrottleStore },
    ThrottleSweepJob,
    ReporterCaseReader,
    IntakeDirectory,
    IntakePages,
    { provide: PAGE_VISIT_TALLIES, useClass: SqlPageVisitTallies },
    PageVisitsWork,
    PageVisitsJob,
    { provide: CLOCK, useValue: systemClock },
    SubmitReportHandler,
    ReportGroups,
    OpenFollowUpHandler,
    SendReporterMessageHandler,
    AnswerSummaryHandler,
    ResumeReportHandler,
    AnswerIdentityRevealHandler,
    WithdrawReportHandler,
    EraseReporterDataHandler,
    GiveConsentHandler,
    ConfirmConsentHandler,
    WithdrawConsentHandler,
  ],
})
export class IntakeModule {
  /** The module with some throttle limits replaced (tests, the benchmark, a deployment behind a shared address). */
  static withLimits(limits: Partial<IntakeLimits>): DynamicModule {
    return { module: IntakeModule, providers: [{ provide: INTAKE_LIMITS, useValue: limits }] };
  }
}
