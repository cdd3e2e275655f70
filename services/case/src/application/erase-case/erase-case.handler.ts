import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { CaseWork } from '../case-work';
import { consultationKey } from '../peer-consultation/peer-consultation.handlers';
import { EraseCase } from './erase-case.command';

/**
 * Crypto-shredding: the case's keys go first, then `CaseErased` is appended. If the append fails after the
 * shred, the data is erased all the same and a retry appends the event (shredding is idempotent).
 */
@CommandHandler(EraseCase)
export class EraseCaseHandler implements ICommandHandler<EraseCase, void> {
  constructor(
    private readonly work: CaseWork,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  execute(command: EraseCase): Promise<void> {
    return this.work.run(command.caseId, command.context, async (aggregate) => {
      const at = new Date();
      aggregate.erase(command.requester, at); // decides first: a refused erasure shreds nothing
      await this.platform.privacy.vault.shredCase(command.caseId);
      // A consultation's question and answer go with the case they were asked for.
      for (const consultationId of aggregate.state.consultations.keys()) {
        await this.platform.privacy.vault.shredCase(consultationKey(consultationId).caseRef);
      }
    });
  }
}
