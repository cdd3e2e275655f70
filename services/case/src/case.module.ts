import { Module } from '@nestjs/common';
import { NoticeOutboxTable1765000000000, provideNotifier } from '@vertrouwd/notifications';
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

import { DeadlineReminderJob } from './application/jobs/deadline-reminder.job';
import { WaitingCaseAlertJob } from './application/jobs/waiting-case-alert.job';
import { CaseNoticeDispatcher } from './application/notifications/case-notice.dispatcher';
import { CASE_NOTICES } from './application/ports/case-notices.port';
import { RECIPIENT_DIRECTORY } from './application/ports/recipient-directory.port';
import { ADVISOR_DIRECTORY } from './application/ports/advisor-directory.port';
import { MatchingAdvisorDirectory } from './infrastructure/matching-advisor-directory';
import { SqlPendingMatches } from './infrastructure/pending-matches.sql';
import { PENDING_MATCHES } from './application/ports/pending-matches.port';
import { CounsellorDirectoryListener, MatchingDecisionsListener, PendingMatchesJob } from './application/integration/matching.listeners';
import { MatchingDirectory1796500000010 } from './infrastructure/migrations/1796500000010-matching-directory';
import { ConfidentialityHttpController } from './api/http/confidentiality.http.controller';
import { PeerConsultationViews } from './application/queries/peer-consultation-views.query';
import { PEER_CONSULTATIONS } from './application/ports/peer-consultations.port';
import { PeerConsultationsProjector } from './application/projections/peer-consultations/peer-consultations.projector';
import { SqlPeerConsultations } from './infrastructure/peer-consultations.sql';
import { PeerConsultations1796490000003 } from './infrastructure/migrations/1796490000003-peer-consultations';
import { CaseNoticesProjector } from './application/projections/case-notices/case-notices.projector';
import { SqlCaseNotices } from './infrastructure/case-notices.sql';
import { HandoverOffers1796490000001 } from './infrastructure/migrations/1796490000001-handover-offers';
import { LegalClocksByCalendarDay1796490000000 } from './infrastructure/migrations/1796490000000-legal-clocks-by-calendar-day';
import { CaseNotices1765100000000 } from './infrastructure/migrations/1765100000000-notices';
import { SealedRecipientDirectory } from './infrastructure/sealed-recipient-directory';
import { AuditorAgencyHttpController } from './api/http/auditor-agency.http.controller';
import { AUDIT_READ_MODEL } from './application/ports/audit-read-model.port';
import { CaseAccessLogProjector } from './application/projections/access-log/case-access-log.projector';
import { CaseAccessRead } from './application/projections/access-log/case-access-log.read-model';
import { AuditViews } from './application/queries/audit-views.query';
import { SqlAuditReadModel } from './infrastructure/audit-read-model.sql';
import { CaseAccessLog1796510000000 } from './infrastructure/migrations/1796510000000-case-access-log';

@Module({
  controllers: [
    CoordinatorHttpController,
    AdvisorCasesHttpController,
    CaseWorkHttpController,
    CaseHandoverHttpController,
    AuditHttpController,
    AuditorAgencyHttpController,
    ConfidentialityHttpController,
  ],
  providers: [
    ...provideReadModels({
      entities: [CaseOverview, LegalClock, AgencyRetention, CaseAccessRead],
      migrations: [
        CaseReadModels1733500000000,
        NoticeOutboxTable1765000000000,
        CaseNotices1765100000000,
        CaseOverviewReporterAsked1796480000000,
        LegalClocksByCalendarDay1796490000000,
        HandoverOffers1796490000001,
        PeerConsultations1796490000003,
        MatchingDirectory1796500000010,
        CaseAccessLog1796510000000,
      ],
      projectors: [
        new CaseOverviewProjector(),
        new LegalClocksProjector(),
        new CaseNoticesProjector(),
        new PeerConsultationsProjector(),
        new CaseAccessLogProjector(),
      ],
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
    PeerConsultationViews,
    AuditReplay,
    AuditViews,
    { provide: AUDIT_READ_MODEL, useClass: SqlAuditReadModel },
    ReportSubmittedListener,
    OutboxRelayLifecycle,
    DeadlineWatch,
    RetentionJob,
    provideNotifier(),
    SealedRecipientDirectory,
    { provide: RECIPIENT_DIRECTORY, useExisting: SealedRecipientDirectory },
    { provide: ADVISOR_DIRECTORY, useClass: MatchingAdvisorDirectory },
    { provide: PENDING_MATCHES, useClass: SqlPendingMatches },
    MatchingDecisionsListener,
    CounsellorDirectoryListener,
    PendingMatchesJob,
    { provide: PEER_CONSULTATIONS, useClass: SqlPeerConsultations },
    SqlCaseNotices,
    { provide: CASE_NOTICES, useExisting: SqlCaseNotices },
    CaseNoticeDispatcher,
    DeadlineReminderJob,
    WaitingCaseAlertJob,
  ],
})
export class CaseModule {}
