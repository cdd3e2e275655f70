import { Module } from '@nestjs/common';
import { AdvisorCasesHttpController } from './api/http/advisor-cases.http.controller';
import { AuditHttpController } from './api/http/audit.http.controller';
import { CaseHandoverHttpController } from './api/http/case-handover.http.controller';
import { CaseWorkHttpController } from './api/http/case-work.http.controller';
import { CoordinatorHttpController } from './api/http/coordinator.http.controller';
import { CaseWork } from './application/case-work';
import { CaseRepository } from './application/case.repository';
import { COMMAND_HANDLERS } from './application/command-handlers';
import { ReportSubmittedListener } from './application/integration/report-submitted.listener';
import { CLOCK, systemClock } from './application/jobs/clock';
import { DeadlineWatch } from './application/jobs/deadline-watch.job';
import { RetentionJob } from './application/jobs/retention.job';
import { AuditReplay } from './application/queries/audit-replay.query';
import { CaseLists } from './application/queries/case-lists.query';
import { ReadCase } from './application/queries/read-case.query';
import { CaseReadModels } from './infrastructure/case-read-models';
import { OutboxRelayLifecycle } from './infrastructure/outbox-relay.lifecycle';

@Module({
  controllers: [
    CoordinatorHttpController,
    AdvisorCasesHttpController,
    CaseWorkHttpController,
    CaseHandoverHttpController,
    AuditHttpController,
  ],
  providers: [
    CaseRepository,
    CaseWork,
    ...COMMAND_HANDLERS,
    CaseReadModels,
    CaseLists,
    ReadCase,
    AuditReplay,
    ReportSubmittedListener,
    OutboxRelayLifecycle,
    DeadlineWatch,
    RetentionJob,
    { provide: CLOCK, useValue: systemClock },
  ],
})
export class CaseModule {}
