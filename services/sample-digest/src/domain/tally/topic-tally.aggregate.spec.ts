import { given } from '@vertrouwd/event-sourcing';
import { TopicTally } from './topic-tally.aggregate';
import { MarkCounted } from './topic-tally.events';

describe('TopicTally', () => {
  it('counts a mark', () =>
    given(TopicTally)
      .when((t) => t.count('integrity', 'm-1', 3))
      .then(new MarkCounted('integrity', 'm-1', 3)));

  it('counts a mark once, however often it is delivered', () =>
    given(TopicTally, new MarkCounted('integrity', 'm-1', 3))
      .when((t) => t.count('integrity', 'm-1', 3))
      .then());
});
