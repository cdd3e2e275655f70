import { Inject, Injectable } from '@nestjs/common';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { CONTRACTS } from '@vertrouwd/runtime';
import { CommandRunner, type CommandContext } from '@vertrouwd/service-kit';
import type { Report } from '../domain/report/report.aggregate';
import type { ReportEvent } from '../domain/report/report.events';
import { ReportNotFoundError } from './intake.errors';
import { translateIntakeEvent } from './integration/intake-events.translator';
import { ReportRepository } from './report.repository';

/** The reporter acts through intake without an account: in event metadata the actor is the role, never a person. */
export const reporterContext = (correlationId: string): CommandContext => ({ actor: 'reporter', correlationId });

/** The kit's command runner for reports: load, decide, append with the outbox (the path of every reporter command). */
@Injectable()
export class ReportWork extends CommandRunner<Report, ReportEvent> {
  constructor(reports: ReportRepository, @Inject(CONTRACTS) contracts: ContractRegistry) {
    super({
      aggregates: reports,
      translate: translateIntakeEvent,
      contracts,
      // Reporters reach their case through a case-scoped token, checked at the edge; their context has no agency.
      tenantOf: (report) => report.state.facts?.agencyId,
      notFound: () => new ReportNotFoundError(),
    });
  }
}
