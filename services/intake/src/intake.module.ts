import { Module, type DynamicModule } from '@nestjs/common';
import { OutboxRelayLifecycle, provideReadModels } from '@vertrouwd/service-kit';
import { IntakePageHttpController } from './api/http/intake-page.http.controller';
import { ReporterCaseHttpController } from './api/http/reporter-case.http.controller';
import { ReportsHttpController } from './api/http/reports.http.controller';
import { AnswerSummaryHandler } from './application/answer-summary/answer-summary.handler';
import { EraseReporterDataHandler } from './application/erase-reporter-data/erase-reporter-data.handler';
import { OpenFollowUpHandler } from './application/follow-up/open-follow-up.handler';
import { IntakeKeyring } from './application/intake-keyring';
import { IntakePages } from './application/intake-page/intake-page';
import { INTAKE_LIMITS, IntakeThrottles, type IntakeLimits } from './application/intake-throttles';
import { INTAKE_READ_MODEL } from './application/ports/intake-read-model.port';
import { ReporterCaseReader } from './application/read-reporter-case/reporter-case.reader';
import { ReportWork } from './application/report-work';
import { ReportRepository } from './application/report.repository';
import { SendReporterMessageHandler } from './application/send-message/send-message.handler';
import { SubmitReportHandler } from './application/submit-report/submit-report.handler';
import { WithdrawReportHandler } from './application/withdraw-report/withdraw-report.handler';
import { CaseProgressListener } from './infrastructure/case-progress.listener';
import { IntakeStartup } from './infrastructure/intake-startup';
import { SqlIntakeReadModel } from './infrastructure/intake-read-model.sql';
import { IntakeReadModels1733700000000 } from './infrastructure/migrations/1733700000000-intake-read-models';
import { ReportStatusInOrder1796480000001 } from './infrastructure/migrations/1796480000001-report-status-in-order';

@Module({
  // Fixed-segment routes (proof-key, follow-up, cases/…) are registered before the `:intakeCode` page.
  controllers: [ReportsHttpController, ReporterCaseHttpController, IntakePageHttpController],
  providers: [
    ...provideReadModels({ entities: [], migrations: [IntakeReadModels1733700000000, ReportStatusInOrder1796480000001] }),
    SqlIntakeReadModel,
    { provide: INTAKE_READ_MODEL, useExisting: SqlIntakeReadModel },
    IntakeStartup,
    CaseProgressListener,
    OutboxRelayLifecycle,
    ReportRepository,
    ReportWork,
    IntakeKeyring,
    IntakeThrottles,
    ReporterCaseReader,
    IntakePages,
    SubmitReportHandler,
    OpenFollowUpHandler,
    SendReporterMessageHandler,
    AnswerSummaryHandler,
    WithdrawReportHandler,
    EraseReporterDataHandler,
  ],
})
export class IntakeModule {
  /** The module with some throttle limits replaced (tests, the benchmark, a deployment behind a shared address). */
  static withLimits(limits: Partial<IntakeLimits>): DynamicModule {
    return { module: IntakeModule, providers: [{ provide: INTAKE_LIMITS, useValue: limits }] };
  }
}
