import { EventSourcedAggregate } from '@vertrouwd/event-sourcing';
import { MarkCounted, type TallyEvent } from './topic-tally.events';

/**
 * The tally of one topic. A mark counts once, however often its event is delivered: the bus delivers at
 * least once, and this rule is what makes the consumer idempotent.
 */
export class TopicTally extends EventSourcedAggregate<TallyEvent> {
  private readonly counted = new Set<string>();
  topic = '';

  get id(): string {
    return this.topic;
  }

  /** Counts a mark; false (and nothing applied) when it was counted before. */
  count(topic: string, markId: string, weight: number): boolean {
    if (this.counted.has(markId)) return false;
    this.apply(new MarkCounted(topic, markId, weight));
    return true;
  }

  onMarkCounted(event: MarkCounted): void {
    this.topic = event.topic;
    this.counted.add(event.markId);
  }
}
