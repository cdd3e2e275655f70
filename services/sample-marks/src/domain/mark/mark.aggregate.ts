import { Aggregate, type Evolution } from '@vertrouwd/domain';
import { MarkAlreadyRecordedError, RemarkNotSealedError, WeightOutOfRangeError } from './mark.errors';
import type { MarkEvent, MarkTopic } from './mark.events';

export interface MarkState {
  markId: string;
  recorded: boolean;
  advisorId: string;
  topic: MarkTopic;
  weight: number;
  /** Ciphertext: read only by the advisor who recorded the mark. */
  remark: string;
}

const evolution: Evolution<MarkState, MarkEvent> = {
  MarkRecorded: (_state, { markId, advisorId, topic, weight, remark }) => ({ markId, recorded: true, advisorId, topic, weight, remark }),
};

/** The sample aggregate: recorded once, by one advisor, who alone may read its remark. */
export class Mark extends Aggregate<MarkEvent, MarkState> {
  constructor() {
    super({ markId: '', recorded: false, advisorId: '', topic: 'other', weight: 0, remark: '' }, evolution);
  }

  get id(): string {
    return this.state.markId;
  }

  record(markId: string, advisorId: string, topic: MarkTopic, weight: number, sealedRemark: string, at: Date): void {
    if (this.state.recorded) throw new MarkAlreadyRecordedError();
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) throw new WeightOutOfRangeError();
    if (!sealedRemark.startsWith('sealed:')) throw new RemarkNotSealedError();
    this.apply({ type: 'MarkRecorded', markId, advisorId, topic, weight, remark: sealedRemark, recordedAt: at.toISOString() });
  }
}
