import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Case } from '../../domain/case/case.aggregate';
import { CaseWork } from '../case-work';
import { OpenCase } from './open-case.command';

/**
 * Idempotent: the bus delivers at least once, so a case that is already open (a redelivery, or two
 * deliveries racing) is left as it is and the command succeeds.
 */
@CommandHandler(OpenCase)
export class OpenCaseHandler implements ICommandHandler<OpenCase, { opened: boolean }> {
  constructor(private readonly work: CaseWork) {}

  async execute(command: OpenCase): Promise<{ opened: boolean }> {
    if (await this.work.exists(command.report.caseId)) return { opened: false };
    const aggregate = new Case();
    aggregate.open(command.report, new Date());
    return { opened: await this.work.create(aggregate, command.context) };
  }
}
