import { randomBytes } from 'node:crypto';
import { WrongExpectedVersionError, PartialIdempotentAppendError } from '../errors';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { uuidv7 } from '../ids';

export interface ContractSetup {
  store: EventStore;
  cleanup(): Promise<void>;
}

const event = (n: number, type = 'ThingHappened'): NewEvent => ({
  type,
  data: { n, note: `event ${n}` },
  metadata: { correlationId: 'corr-1', causationId: 'cause-1', actor: 'actor-1' },
});

/** A category and stream ids unique to this run, so re-runs against a long-lived server never collide. */
function fresh() {
  const category = `c${randomBytes(5).toString('hex')}`;
  return { category, stream: (name: string | number) => `${category}-${name}` };
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The contract every EventStore adapter passes. Call it from an adapter's int-spec with a factory
 * for a connected store.
 */
export function describeEventStoreContract(adapterName: string, setup: () => Promise<ContractSetup>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let ctx: ContractSetup;
    let store: EventStore;
    beforeAll(async () => {
      ctx = await setup();
      store = ctx.store;
    });
    afterAll(() => ctx?.cleanup());

    describe('appendToStream', () => {
      it('creates a stream at version 0 and returns the next expected version and position', async () => {
        const { stream } = fresh();
        const result = await store.appendToStream(stream(1), [event(1), event(2)], 'no_stream');
        expect(result.nextExpectedVersion).toBe(1);
        const read = await store.readStream(stream(1));
        expect(read.map((e) => e.version)).toEqual([0, 1]);
        expect(result.position).toBe(read[1].position);
        expect(read[0].position < read[1].position).toBe(true);
      });

      it('appends at the expected version and refuses a stale one with the actual version', async () => {
        const { stream } = fresh();
        await store.appendToStream(stream(1), [event(1)], 'no_stream');
        await store.appendToStream(stream(1), [event(2)], 0);
        const error = await store.appendToStream(stream(1), [event(3)], 0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect((error as WrongExpectedVersionError).actualVersion).toBe(1);
        expect(await store.readStream(stream(1))).toHaveLength(2);
      });

      it('checks no_stream, stream_exists and any', async () => {
        const { stream } = fresh();
        const missing = await store.appendToStream(stream(1), [event(1)], 'stream_exists').catch((e: unknown) => e);
        expect((missing as WrongExpectedVersionError).actualVersion).toBe(-1);
        await store.appendToStream(stream(1), [event(1)], 'any');
        await store.appendToStream(stream(1), [event(2)], 'stream_exists');
        const exists = await store.appendToStream(stream(1), [event(3)], 'no_stream').catch((e: unknown) => e);
        expect((exists as WrongExpectedVersionError).actualVersion).toBe(1);
        expect((await store.appendToStream(stream(1), [event(3)], 'any')).nextExpectedVersion).toBe(2);
      });

      it('lets exactly one of two writers at the same expected version win, whole', async () => {
        const { stream } = fresh();
        await store.appendToStream(stream(1), [event(0)], 'no_stream');
        const outcomes = await Promise.allSettled([
          store.appendToStream(stream(1), [event(1, 'A'), event(2, 'A')], 0),
          store.appendToStream(stream(1), [event(1, 'B'), event(2, 'B')], 0),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const types = (await store.readStream(stream(1))).slice(1).map((e) => e.type);
        expect(types[0] === types[1] && types.length === 2).toBe(true);
      });

      it('is idempotent for event ids already in the stream: same result, nothing written twice', async () => {
        const { stream } = fresh();
        const events = [
          { ...event(1), id: uuidv7() },
          { ...event(2), id: uuidv7() },
        ];
        const first = await store.appendToStream(stream(1), events, 'no_stream');
        const again = await store.appendToStream(stream(1), events, 'no_stream');
        expect(again).toEqual(first);
        expect(await store.readStream(stream(1))).toHaveLength(2);
        // A retry from version 0 whose first event landed and whose second is new: neither a replay nor a fresh write.
        const partial = await store.appendToStream(stream(1), [events[1], { ...event(3), id: uuidv7() }], 0).catch((e: unknown) => e);
        expect(partial).toBeInstanceOf(PartialIdempotentAppendError);
      });

      it('keeps every event field and its metadata, and chains hashes verifiably', async () => {
        const { stream } = fresh();
        const id = uuidv7();
        await store.appendToStream(
          stream(1),
          [
            {
              id,
              type: 'CaseOpened',
              data: { a: 1, nested: { b: [1, 2] } },
              metadata: {
                correlationId: 'c',
                causationId: 'd',
                traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
                actor: 'x',
              },
            },
          ],
          'no_stream',
        );
        await store.appendToStream(stream(1), [event(2)], 0);
        const [first, second] = await store.readStream(stream(1));
        expect(first).toMatchObject({ id, type: 'CaseOpened', data: { a: 1, nested: { b: [1, 2] } }, streamId: stream(1), version: 0 });
        expect(first.metadata).toMatchObject({ correlationId: 'c', causationId: 'd', actor: 'x', prevHash: '0'.repeat(64) });
        expect(first.metadata.traceparent).toMatch(/^00-/);
        expect(first.recordedAt).toBeInstanceOf(Date);
        expect(second.metadata.prevHash).toBe(first.metadata.hash);
        expect(await store.verifyStream(stream(1))).toEqual({ valid: true, eventsChecked: 2 });
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards from a version with a max count', async () => {
        const { stream } = fresh();
        await store.appendToStream(
          stream(1),
          [0, 1, 2, 3, 4].map((n) => event(n)),
          'no_stream',
        );
        const versions = (events: RecordedEvent[]) => events.map((e) => e.version);
        expect(versions(await store.readStream(stream(1), { fromVersion: 2, maxCount: 2 }))).toEqual([2, 3]);
        expect(versions(await store.readStream(stream(1), { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
        expect(versions(await store.readStream(stream(1), { direction: 'backwards', fromVersion: 1 }))).toEqual([1, 0]);
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('reads all in global order after a position, filtered by category and type', async () => {
        const one = fresh();
        const two = fresh();
        const start = await store.headPosition();
        await store.appendToStream(one.stream(1), [event(1, 'Opened'), event(2, 'Noted')], 'no_stream');
        await store.appendToStream(two.stream(1), [event(3, 'Opened')], 'no_stream');
        await store.appendToStream(one.stream(2), [event(4, 'Opened')], 'no_stream');
        const all = (await store.readAll({ after: start, maxCount: 1000 })).filter((e) =>
          [one.category, two.category].some((c) => e.streamId.startsWith(c)),
        );
        expect(all.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4]);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
        const page = await store.readAll({ after: all[0].position, maxCount: 1, categories: [one.category, two.category] });
        expect(page.map((e) => e.position)).toEqual([all[1].position]);
        const opened = await store.readAll({ after: start, categories: [one.category], types: ['Opened'] });
        expect(opened.map((e) => (e.data as { n: number }).n)).toEqual([1, 4]);
        expect(await store.headPosition()).toBe(all[3].position);
      });
    });

    describe('subscribe', () => {
      it('catches up, then goes live, in global order', async () => {
        const { category, stream } = fresh();
        await store.appendToStream(stream(1), [event(1), event(2)], 'no_stream');
        const seen: number[] = [];
        const subscription = store.subscribe({
          subscriptionId: `sub-${category}`,
          filter: { categories: [category] },
          handle: async (events) => void seen.push(...events.map((e) => (e.data as { n: number }).n)),
        });
        await subscription.caughtUp();
        expect(seen).toEqual([1, 2]);
        await store.appendToStream(stream(2), [event(3)], 'no_stream');
        await store.appendToStream(stream(1), [event(4)], 1);
        await waitFor(() => seen.length === 4);
        expect(seen).toEqual([1, 2, 3, 4]);
        await subscription.stop();
      });

      it('resumes from its durable checkpoint', async () => {
        const { category, stream } = fresh();
        const seen: number[] = [];
        const options = {
          subscriptionId: `resume-${category}`,
          filter: { categories: [category] },
          handle: async (events: RecordedEvent[]) => void seen.push(...events.map((e) => (e.data as { n: number }).n)),
        };
        await store.appendToStream(stream(1), [event(1), event(2)], 'no_stream');
        const first = store.subscribe(options);
        await first.caughtUp();
        await first.stop();
        await store.appendToStream(stream(1), [event(3)], 1);
        const second = store.subscribe(options);
        await second.caughtUp();
        await second.stop();
        expect(seen).toEqual([1, 2, 3]);
      });

      it('retries a batch whose handler failed, then moves on', async () => {
        const { category, stream } = fresh();
        await store.appendToStream(stream(1), [event(1)], 'no_stream');
        let failures = 0;
        const seen: number[] = [];
        const subscription = store.subscribe({
          subscriptionId: `retry-${category}`,
          filter: { categories: [category] },
          handle: async (events) => {
            if (failures++ < 2) throw new Error('downstream unavailable');
            seen.push(...events.map((e) => (e.data as { n: number }).n));
          },
          onError: () => undefined,
        });
        await waitFor(() => seen.length === 1);
        await subscription.stop();
        expect(seen).toEqual([1]);
        expect(failures).toBe(3);
      });
    });
  });
}
