import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { outboxFor } from '@vertrouwd/messaging';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { CONTRACTS, SEALER } from '@vertrouwd/runtime';
import { currentTraceparent } from '@vertrouwd/telemetry';
import { Mark } from '../../domain/mark/mark.aggregate';
import { translateMarkEvent } from '../integration/mark-events.translator';
import { MarkRepository } from '../mark.repository';
import { RecordMark } from './record-mark.command';

@CommandHandler(RecordMark)
export class RecordMarkHandler implements ICommandHandler<RecordMark, { markId: string }> {
  constructor(
    private readonly marks: MarkRepository,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(CONTRACTS) private readonly contracts: ContractRegistry,
  ) {}

  async execute(command: RecordMark): Promise<{ markId: string }> {
    // Sealed before it reaches the aggregate: plaintext never enters an event.
    const remark = await this.sealer.seal(command.remark, caseKey(command.markId));
    const mark = new Mark();
    mark.record(command.markId, command.advisorId, command.topic, command.weight, remark, new Date());
    await this.marks.save(
      mark,
      { correlationId: command.correlationId, actor: command.advisorId, traceparent: currentTraceparent() },
      outboxFor(translateMarkEvent, this.contracts),
    );
    return { markId: command.markId };
  }
}
