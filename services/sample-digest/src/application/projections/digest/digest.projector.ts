import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { MarkCounted } from '../../../domain/tally/topic-tally.events';
import { DigestTopic } from './digest.read-model';

/** Folds this service's own MarkCounted events into the digest; rebuildable from zero. */
export class DigestProjector implements Projection {
  readonly name = 'digest-topics';
  readonly filter = { categories: ['tally'], types: ['MarkCounted'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      const { topic, weight } = event.data as Omit<MarkCounted, 'type'>;
      await manager.query(
        `insert into digest_topics (topic, marks, weight) values ($1, 1, $2)
         on conflict (topic) do update set marks = digest_topics.marks + 1, weight = digest_topics.weight + excluded.weight`,
        [topic, weight],
      );
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.clear(DigestTopic);
  }
}
