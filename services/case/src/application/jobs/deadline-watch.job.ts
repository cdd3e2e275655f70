import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CaseReadModels } from '../../infrastructure/case-read-models';
import type { Deadline } from '../../domain/case/case.values';
import { MarkDeadlineMissed } from '../mark-deadline-missed/mark-deadline-missed.command';
import { CLOCK, type Clock } from './clock';
import { IntervalJob } from './interval-job';

interface Overdue {
  caseId: string;
  deadline: Deadline;
  dueAt: Date;
}

// A deadline is missed when its due time passed and its step came late or not at all; recorded ones are skipped,
// and so are inactive cases (closed, withdrawn, erased). The read model may lag: the aggregate has the last word.
const OVERDUE = `
  select "caseId", 'acknowledgement' as deadline, "acknowledgementDueAt" as "dueAt" from legal_clocks
   where active and not "acknowledgementMissed" and "acknowledgementDueAt" < $1
     and ("acknowledgedAt" is null or "acknowledgedAt" > "acknowledgementDueAt")
  union all
  select "caseId", 'feedback', "feedbackDueAt" from legal_clocks
   where active and not "feedbackMissed" and "feedbackDueAt" < $1 and ("feedbackAt" is null or "feedbackAt" > "feedbackDueAt")`;

/**
 * Appends `DeadlineMissed` once per missed legal deadline (published as case.deadline-missed.v1). A case that
 * fails is logged by error class and left for the next run; it does not hold up the other cases.
 */
@Injectable()
export class DeadlineWatch extends IntervalJob {
  constructor(
    private readonly readModels: CaseReadModels,
    private readonly commands: CommandBus,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  async runOnce(now = this.clock()): Promise<number> {
    const overdue: Overdue[] = await this.readModels.dataSource.query(OVERDUE, [now]);
    let marked = 0;
    for (const { caseId, deadline, dueAt } of overdue) {
      const context = { actor: 'system:deadline-watch', correlationId: caseId };
      try {
        await this.commands.execute(new MarkDeadlineMissed(caseId, deadline, new Date(dueAt).toISOString(), now, context));
        marked += 1;
      } catch (error) {
        this.logger.warn(`${deadline} deadline of a case not marked: ${(error as Error).name}`);
      }
    }
    return marked;
  }
}
