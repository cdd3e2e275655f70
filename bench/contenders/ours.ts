// Our store, loaded lazily: it is being written alongside this benchmark, and a missing file must not
// stop the other contenders from running.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchEvent, Contender, Expected, ReadPage } from './contender';

export const OUR_STORE_PATH = resolve(__dirname, '../../libs/platform/event-sourcing/src/postgres/postgres-event-store.ts');

/** The part of `PostgresEventStore` the benchmark drives (see `event-store.port.ts`). */
interface OurStore {
  appendToStream(streamId: string, events: BenchEvent[], expected: Expected): Promise<unknown>;
  readStream(streamId: string): Promise<unknown[]>;
  readAll(options: { after: bigint; maxCount: number }): Promise<{ streamId: string; position: bigint }[]>;
  close(): Promise<void>;
}

interface OurStoreModule {
  PostgresEventStore: { create(options: { connectionString: string; poolSize: number; maxBatchesInFlight?: number }): Promise<OurStore> };
}

export function ourStoreExists(): boolean {
  return existsSync(OUR_STORE_PATH);
}

export class OursContender implements Contender {
  readonly name = 'ours' as const;
  private store!: OurStore;

  async setup(url: string, poolSize: number): Promise<void> {
    if (!ourStoreExists()) throw new Error(`our store is missing: ${OUR_STORE_PATH}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PostgresEventStore } = require(OUR_STORE_PATH) as OurStoreModule;
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
