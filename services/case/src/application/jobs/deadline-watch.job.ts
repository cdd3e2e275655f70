import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, IntervalJob, systemContext, type Clock } from '@vertrouwd/service-kit';
import { MarkDeadlineMissed } from '../mark-deadline-missed/mark-deadline-missed.command';
import { CASE_READ_MODEL, type CaseReadModel } from '../ports/case-read-model.port';

/**
 * Appends `DeadlineMissed` once per missed legal deadline (published as case.deadline-missed.v1). A case that
 * fails is logged by error class and left for the next run; it does not hold up the other cases.
 */
@Injectable()
export class DeadlineWatch extends IntervalJob {
  constructor(
    @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel,
    private readonly commands: CommandBus,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  async runOnce(now = this.clock()): Promise<number> {
    let marked = 0;
    for (const { caseId, deadline } of await this.readModel.overdueDeadlines(now)) {
      const context = systemContext('system:deadline-watch', caseId);
      try {
        await this.commands.execute(new MarkDeadlineMissed(caseId, deadline, now, context));
        marked += 1;
      } catch (error) {
        this.logger.warn(`${deadline} deadline of a case not marked: ${(error as Error).name}`);
      }
    }
    return marked;
  }
}
