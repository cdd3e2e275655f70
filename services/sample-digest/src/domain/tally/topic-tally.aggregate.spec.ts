import { given } from '@vertrouwd/domain';
import { TopicTally } from './topic-tally.aggregate';
import type { MarkCounted } from './topic-tally.events';

const counted: MarkCounted = { type: 'MarkCounted', topic: 'integrity', markId: 'm-1', weight: 3 };

describe('TopicTally', () => {
  it('counts a mark', () =>
    given(TopicTally)
      .when((t) => t.count('integrity', 'm-1', 3))
      .then(counted));

  it('counts a mark once, however often it is delivered', () =>
    given(TopicTally, counted)
      .when((t) => t.count('integrity', 'm-1', 3))
      .then());
});
