import { randomBytes } from 'node:crypto';
import { eventually } from '@vertrouwd/testing';
import { DEAD_LETTER_HEADERS, deadLetterTopic, type DeliveredMessage, type MessageBus } from '../message-bus.port';

export interface BusContractSetup {
  bus: MessageBus;
  cleanup(): Promise<void>;
}

/** Names unique to this run, so re-runs against a long-lived broker never see each other's messages. */
function fresh(label: string) {
  const suffix = randomBytes(4).toString('hex');
  return { topic: `contract.${label}-${suffix}.v1`, group: `g-${label}-${suffix}` };
}

const until = (check: () => boolean) =>
  eventually(
    () => {
      if (!check()) throw new Error('condition not met in time');
    },
    { timeoutMs: 30_000 },
  );

const message = (topic: string, key: string, n: number) => ({
  topic,
  key,
  value: JSON.stringify({ key, n }),
  headers: { traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`, n: String(n) },
});
const body = (m: DeliveredMessage) => JSON.parse(m.value) as { key: string; n: number };

/**
 * The contract every MessageBus adapter passes: the Postgres bus always, Kafka when KAFKA_BROKERS is set.
 * The consumer-kill test lives beside it (`consumer-kill.int-spec.ts`) and runs per adapter too.
 */
export function describeMessageBusContract(adapterName: string, setup: () => Promise<BusContractSetup>): void {
  describe(`MessageBus contract: ${adapterName}`, () => {
    let ctx: BusContractSetup;
    let bus: MessageBus;
    beforeAll(async () => {
      ctx = await setup();
      bus = ctx.bus;
    });
    afterAll(() => ctx?.cleanup());

    it('delivers every message once per group, in order per key, with its headers', async () => {
      const { topic, group } = fresh('order');
      const keys = ['a', 'b', 'c', 'd'];
      await Promise.all(
        keys.map(async (key) => {
          for (let n = 0; n < 20; n += 5) await bus.publish([0, 1, 2, 3, 4].map((k) => message(topic, key, n + k)));
        }),
      );
      const seen: DeliveredMessage[] = [];
      const consumer = bus.consume({ group, topics: [topic], handle: async (m) => void seen.push(m) });
      await until(() => seen.length >= 80);
      await consumer.stop();
      for (const key of keys) {
        expect(seen.filter((m) => m.key === key).map((m) => body(m).n)).toEqual([...Array(20).keys()]);
      }
      expect(seen).toHaveLength(80);
      expect(seen[0].headers.traceparent).toMatch(/^00-1{32}-2{16}-01$/);
    });

    it('keeps offsets per group: a restarted consumer gets only what is new, another group gets all', async () => {
      const { topic, group } = fresh('offsets');
      await bus.publish([1, 2, 3].map((n) => message(topic, 'k', n)));
      const first: number[] = [];
      const one = bus.consume({ group, topics: [topic], handle: async (m) => void first.push(body(m).n) });
      await until(() => first.length === 3);
      await one.caughtUp();
      await one.stop();
      await bus.publish([4, 5].map((n) => message(topic, 'k', n)));
      const second: number[] = [];
      const again = bus.consume({ group, topics: [topic], handle: async (m) => void second.push(body(m).n) });
      const other: number[] = [];
      const otherGroup = bus.consume({ group: `${group}-other`, topics: [topic], handle: async (m) => void other.push(body(m).n) });
      await until(() => second.length === 2 && other.length === 5);
      await Promise.all([again.stop(), otherGroup.stop()]);
      expect(first).toEqual([1, 2, 3]);
      expect(second).toEqual([4, 5]);
      expect(other).toEqual([1, 2, 3, 4, 5]);
    });

    it('retries a failing message with back-off, in place, keeping the key order', async () => {
      const { topic, group } = fresh('retry');
      await bus.publish([1, 2].map((n) => message(topic, 'k', n)));
      const attempts: string[] = [];
      const consumer = bus.consume({
        group,
        topics: [topic],
        backoffMs: 20,
        handle: async (m) => {
          attempts.push(`${body(m).n}#${m.attempt}`);
          if (body(m).n === 1 && m.attempt < 3) throw new Error('not yet');
        },
      });
      await until(() => attempts.includes('2#1'));
      await consumer.stop();
      expect(attempts).toEqual(['1#1', '1#2', '1#3', '2#1']);
    });

    it('dead-letters a poison message with its error, and the rest flows on', async () => {
      const { topic, group } = fresh('poison');
      await bus.publish([1, 2, 3].map((n) => message(topic, 'k', n)));
      const handled: number[] = [];
      const consumer = bus.consume({
        group,
        topics: [topic],
        maxAttempts: 3,
        backoffMs: 10,
        handle: async (m) => {
          if (body(m).n === 2) throw new RangeError('cannot handle 2');
          handled.push(body(m).n);
        },
      });
      const dead: DeliveredMessage[] = [];
      const dlq = bus.consume({ group: `${group}-dlq`, topics: [deadLetterTopic(topic)], handle: async (m) => void dead.push(m) });
      await until(() => handled.length === 2 && dead.length === 1);
      await Promise.all([consumer.stop(), dlq.stop()]);
      expect(handled).toEqual([1, 3]);
      expect(body(dead[0]).n).toBe(2);
      expect(dead[0].headers).toMatchObject({
        [DEAD_LETTER_HEADERS.error]: 'RangeError',
        [DEAD_LETTER_HEADERS.topic]: topic,
        [DEAD_LETTER_HEADERS.attempts]: '3',
        n: '2',
      });
    });

    it('shares a group between consumers: each message handled by one of them', async () => {
      const { topic, group } = fresh('share');
      const keys = Array.from({ length: 16 }, (_, i) => `key-${i}`);
      await bus.publish(keys.flatMap((key) => [1, 2, 3].map((n) => message(topic, key, n))));
      const handled: string[] = [];
      const handle = async (m: DeliveredMessage) => void handled.push(`${m.key}/${body(m).n}`);
      const consumers = [bus.consume({ group, topics: [topic], handle }), bus.consume({ group, topics: [topic], handle })];
      await until(() => handled.length >= 48);
      await consumers[0].caughtUp();
      await Promise.all(consumers.map((c) => c.stop()));
      expect(handled.sort()).toEqual(keys.flatMap((key) => [1, 2, 3].map((n) => `${key}/${n}`)).sort());
    });
  });
}
