// Our store: the PostgreSQL event store of libs/platform/event-sourcing, driven through its port.
import { PostgresEventStore } from '../../libs/platform/event-sourcing/src/postgres/postgres-event-store';
import type { BenchEvent, Contender, Expected, ReadPage } from './contender';

export class OursContender implements Contender {
  readonly name = 'ours' as const;
  private store!: PostgresEventStore;

  async setup(url: string, poolSize: number): Promise<void> {
    // BENCH_OURS_IN_FLIGHT tunes the group commit (batches written at the same time) for experiments.
    const inFlight = process.env.BENCH_OURS_IN_FLIGHT ? Number(process.env.BENCH_OURS_IN_FLIGHT) : undefined;
    this.store = await PostgresEventStore.create({ connectionString: url, poolSize, maxBatchesInFlight: inFlight });
  }

  async appendOne(streamId: string, expected: Expected, event: BenchEvent): Promise<void> {
    await this.store.appendToStream(streamId, [event], expected);
  }

  async appendMany(streamId: string, expected: Expected, events: BenchEvent[]): Promise<void> {
    await this.store.appendToStream(streamId, events, expected);
  }

  async readStream(streamId: string): Promise<number> {
    return (await this.store.readStream(streamId)).length;
  }

  async readAllPage(after: bigint, max: number): Promise<ReadPage> {
    const events = await this.store.readAll({ after, maxCount: max });
    const last = events[events.length - 1];
    return { count: events.length, lastPosition: last ? last.position : after, streamIds: events.map((e) => e.streamId) };
  }

  async close(): Promise<void> {
    await this.store?.close();
  }
}
