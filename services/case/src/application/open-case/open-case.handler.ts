import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Case } from '../../domain/case/case.aggregate';
import { CaseWork } from '../case-work';
import { AssignMatchedAdvisor } from '../matched-assignment/matched-assignment.commands';
import { PENDING_MATCHES, type PendingMatches } from '../ports/pending-matches.port';
import { OpenCase } from './open-case.command';

/**
 * Idempotent: the bus delivers at least once, so a case that is already open (a redelivery, or two
 * deliveries racing) is left as it is and the command succeeds.
 */
@CommandHandler(OpenCase)
export class OpenCaseHandler implements ICommandHandler<OpenCase, { opened: boolean }> {
  constructor(
    private readonly work: CaseWork,
    private readonly commands: CommandBus,
    @Inject(PENDING_MATCHES) private readonly pending: PendingMatches,
  ) {}

  async execute(command: OpenCase): Promise<{ opened: boolean }> {
    if (await this.work.exists(command.report.caseId)) return { opened: false };
    const aggregate = new Case();
    aggregate.open(command.report, new Date());
    const opened = await this.work.create(aggregate, command.context);
    // Matching may have decided before the case opened: its choice waits here, and is taken now.
    const match = await this.pending.of(command.report.caseId);
    if (match) {
      const { caseId, agencyId, advisorId, round } = match;
      await this.commands.execute(new AssignMatchedAdvisor(caseId, agencyId, advisorId, round, command.context));
    }
    return { opened };
  }
}
