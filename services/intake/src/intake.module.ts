import { Module, type DynamicModule } from '@nestjs/common';
import { IntakePageHttpController } from './api/http/intake-page.http.controller';
import { ReporterCaseHttpController } from './api/http/reporter-case.http.controller';
import { ReportsHttpController } from './api/http/reports.http.controller';
import { AnswerSummaryHandler } from './application/answer-summary/answer-summary.handler';
import { EraseReporterDataHandler } from './application/erase-reporter-data/erase-reporter-data.handler';
import { OpenFollowUpHandler } from './application/follow-up/open-follow-up.handler';
import { IntakeKeyring } from './application/intake-keyring';
import { IntakeOrganisations } from './application/intake-page/intake-organisations';
import { INTAKE_LIMITS, IntakeThrottles, type IntakeLimits } from './application/intake-throttles';
import { ReporterCaseReader } from './application/read-reporter-case/reporter-case.reader';
import { ReportChanges } from './application/report-changes';
import { ReportRepository } from './application/report.repository';
import { SendReporterMessageHandler } from './application/send-message/send-message.handler';
import { SubmitReportHandler } from './application/submit-report/submit-report.handler';
import { WithdrawReportHandler } from './application/withdraw-report/withdraw-report.handler';
import { IntakeInfrastructure } from './infrastructure/intake.infrastructure';

@Module({
  // Fixed-segment routes (proof-key, follow-up, cases/…) are registered before the `:intakeCode` page.
  controllers: [ReportsHttpController, ReporterCaseHttpController, IntakePageHttpController],
  providers: [
    ReportRepository,
    ReportChanges,
    IntakeKeyring,
    IntakeThrottles,
    IntakeOrganisations,
    ReporterCaseReader,
    IntakeInfrastructure,
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
