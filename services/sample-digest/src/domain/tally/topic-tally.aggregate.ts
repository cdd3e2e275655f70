import { Aggregate, type Evolution } from '@vertrouwd/domain';
import type { TallyEvent } from './topic-tally.events';

export interface TallyState {
  topic: string;
  counted: ReadonlySet<string>;
}

const evolution: Evolution<TallyState, TallyEvent> = {
  MarkCounted: (state, event) => ({ topic: event.topic, counted: new Set(state.counted).add(event.markId) }),
};

/**
 * The tally of one topic. A mark counts once, however often its event is delivered: the bus delivers at
 * least once, and this rule is what makes the consumer idempotent.
 */
export class TopicTally extends Aggregate<TallyEvent, TallyState> {
  constructor() {
    super({ topic: '', counted: new Set() }, evolution);
  }

  get id(): string {
    return this.state.topic;
  }

  /** Counts a mark; false (and nothing applied) when it was counted before. */
  count(topic: string, markId: string, weight: number): boolean {
    if (this.state.counted.has(markId)) return false;
    this.apply({ type: 'MarkCounted', topic, markId, weight });
    return true;
  }
}
