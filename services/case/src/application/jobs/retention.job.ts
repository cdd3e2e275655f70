import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, IntervalJob, systemContext, type Clock } from '@vertrouwd/service-kit';
import { EraseCase } from '../erase-case/erase-case.command';
import { CASE_READ_MODEL, type CaseReadModel } from '../ports/case-read-model.port';

/** Erases (crypto-shreds) closed cases past their agency's retention period. */
@Injectable()
export class RetentionJob extends IntervalJob {
  constructor(
    @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel,
    private readonly commands: CommandBus,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  async runOnce(now = this.clock()): Promise<number> {
    let erased = 0;
    for (const caseId of await this.readModel.casesPastRetention(now)) {
      // One case that fails (e.g. erased meanwhile) must not keep the others: it is tried again next run.
      try {
        await this.commands.execute(new EraseCase(caseId, { kind: 'retention' }, systemContext('system:retention', caseId)));
        erased += 1;
      } catch (error) {
        this.logger.warn(`erasing a case by retention failed (${error instanceof Error ? error.name : typeof error}); retried next run`);
      }
    }
    return erased;
  }
}
