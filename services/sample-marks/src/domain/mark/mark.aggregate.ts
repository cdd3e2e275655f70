import { EventSourcedAggregate } from '@vertrouwd/event-sourcing';
import { MarkAlreadyRecordedError, RemarkNotSealedError, WeightOutOfRangeError } from './mark.errors';
import { MarkRecorded, type MarkEvent, type MarkTopic } from './mark.events';

/** The sample aggregate: recorded once, by one advisor, who alone may read its remark. */
export class Mark extends EventSourcedAggregate<MarkEvent> {
  private markId = '';
  private recorded = false;
  advisorId = '';
  topic: MarkTopic = 'other';
  weight = 0;
  remark = '';

  get id(): string {
    return this.markId;
  }

  record(markId: string, advisorId: string, topic: MarkTopic, weight: number, sealedRemark: string, at: Date): void {
    if (this.recorded) throw new MarkAlreadyRecordedError();
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) throw new WeightOutOfRangeError();
    if (!sealedRemark.startsWith('sealed:')) throw new RemarkNotSealedError();
    this.apply(new MarkRecorded(markId, advisorId, topic, weight, sealedRemark, at.toISOString()));
  }

  onMarkRecorded(event: MarkRecorded): void {
    this.markId = event.markId;
    this.advisorId = event.advisorId;
    this.topic = event.topic;
    this.weight = event.weight;
    this.remark = event.remark;
    this.recorded = true;
  }
}
