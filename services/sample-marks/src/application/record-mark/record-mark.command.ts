import type { MarkTopic } from '../../domain/mark/mark.events';

export class RecordMark {
  constructor(
    readonly markId: string,
    readonly advisorId: string,
    readonly topic: MarkTopic,
    readonly weight: number,
    readonly remark: string,
    readonly correlationId: string,
  ) {}
}
