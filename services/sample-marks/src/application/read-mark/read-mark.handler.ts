import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { MarkRepository } from '../mark.repository';
import { ReadMark } from './read-mark.query';

export interface MarkView {
  markId: string;
  topic: string;
  weight: number;
  /** The remark, or `erased` once its key was shredded. */
  remark: string | { erased: true };
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
    if (!mark || mark.advisorId !== query.advisorId) throw new NotFoundException('No such mark');
    const remark = await this.sealer.unseal<string>(mark.remark as never);
    return { markId: mark.id, topic: mark.topic, weight: mark.weight, remark: remark.status === 'ok' ? remark.value : { erased: true } };
  }
}
