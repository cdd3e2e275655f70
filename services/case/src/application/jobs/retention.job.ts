import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CaseReadModels } from '../../infrastructure/case-read-models';
import { EraseCase } from '../erase-case/erase-case.command';
import { CLOCK, type Clock } from './clock';
import { IntervalJob } from './interval-job';

// Closed cases whose agency's retention has run out, existing ones included (the setting applies to all).
const EXPIRED = `
  select o."caseId" from case_overview o join agency_retention r on r."agencyId" = o."agencyId"
   where o.status = 'closed' and o."closedAt" + make_interval(months => r."monthsAfterClosure") < $1`;

/** Erases (crypto-shreds) closed cases past their agency's retention period. */
@Injectable()
export class RetentionJob extends IntervalJob {
  constructor(
    private readonly readModels: CaseReadModels,
    private readonly commands: CommandBus,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  async runOnce(now = this.clock()): Promise<number> {
    const expired: { caseId: string }[] = await this.readModels.dataSource.query(EXPIRED, [now]);
    let erased = 0;
    for (const { caseId } of expired) {
      // One case that fails (e.g. erased meanwhile) must not keep the others: it is tried again next run.
      try {
        await this.commands.execute(new EraseCase(caseId, { kind: 'retention' }, { actor: 'system:retention', correlationId: caseId }));
        erased += 1;
      } catch (error) {
        this.logger.warn(`erasing a case by retention failed (${error instanceof Error ? error.name : typeof error}); retried next run`);
      }
    }
    return erased;
  }
}
