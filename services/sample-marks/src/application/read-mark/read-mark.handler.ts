import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { shown, type Sealer, type Shown } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { MarkRepository } from '../mark.repository';
import { ReadMark } from './read-mark.query';

export interface MarkView {
  markId: string;
  topic: string;
  weight: number;
  /** The remark, `erased` once its key was shredded, or `refused` if it was sealed for another mark. */
  remark: Shown<string>;
}

/** Only the advisor who recorded a mark reads it; for anyone else it does not exist (no hint it does). */
@QueryHandler(ReadMark)
export class ReadMarkHandler implements IQueryHandler<ReadMark, MarkView> {
  constructor(
    private readonly marks: MarkRepository,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  async execute(query: ReadMark): Promise<MarkView> {
    const mark = await this.marks.load(query.markId);
    if (!mark || mark.state.advisorId !== query.advisorId) throw new NotFoundException('No such mark');
    // Sealed under caseKey(markId): a remark moved over from another mark is refused, not shown.
    const remark = shown(await this.sealer.unseal<string>(mark.state.remark as never, { caseRef: mark.id }));
    return { markId: mark.id, topic: mark.state.topic, weight: mark.state.weight, remark };
  }
}
