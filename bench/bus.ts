// The bus part of `npm run bench`: publish → consume latency (p50/p99) and throughput of the Postgres
// bus, on the benchmark's embedded PostgreSQL, in a database of its own.
import { Client } from 'pg';
import { withDatabase } from '../libs/testing/src/embedded-postgres';
import { PostgresMessageBus } from '../libs/platform/messaging/src/postgres/postgres-message-bus';

export interface BusFigures {
  messages: number;
  publishedPerSec: number;
  consumedPerSec: number;
  latencyMessages: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

/** Throughput: 4 publishers in batches of 100 over 64 keys, one consumer group draining it. */
async function throughput(bus: PostgresMessageBus, messages: number): Promise<Pick<BusFigures, 'publishedPerSec' | 'consumedPerSec'>> {
  const topic = 'bench.throughput.v1';
  let consumed = 0;
  let done: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => (done = resolve));
  const started = performance.now();
  const consumer = bus.consume({
    group: 'bench',
    topics: [topic],
    handle: () => {
      if (++consumed === messages) done();
      return Promise.resolve();
    },
  });
  const perPublisher = messages / 4;
  await Promise.all(
    [0, 1, 2, 3].map(async (p) => {
      for (let i = 0; i < perPublisher; i += 100) {
        await bus.publish(
          Array.from({ length: 100 }, (_, k) => ({
            topic,
            key: `key-${(i + k) % 64}`,
            value: JSON.stringify({ p, n: i + k, pad: 'x'.repeat(200) }),
          })),
        );
      }
    }),
  );
  const published = performance.now();
  await drained;
  const finished = performance.now();
  await consumer.stop();
  return { publishedPerSec: messages / ((published - started) / 1000), consumedPerSec: messages / ((finished - started) / 1000) };
}

/** Latency: one message at a time, 2 ms apart, each timed from publish call to handler. */
async function latency(bus: PostgresMessageBus, count: number): Promise<number[]> {
  const topic = 'bench.latency.v1';
  const samples: number[] = [];
  const consumer = bus.consume({
    group: 'bench',
    topics: [topic],
    handle: (m) => {
      samples.push(performance.now() - Number(m.headers.sent));
      return Promise.resolve();
    },
  });
  await consumer.caughtUp();
  for (let i = 0; i < count; i++) {
    await bus.publish([{ topic, key: `key-${i % 16}`, value: '{}', headers: { sent: String(performance.now()) } }]);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  while (samples.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  await consumer.stop();
  return samples.sort((a, b) => a - b);
}

export async function benchmarkBus(adminUrl: string, messages: number): Promise<BusFigures> {
  const url = await freshDatabase(adminUrl, 'bench_bus');
  const bus = await PostgresMessageBus.create({ connectionString: url, poolSize: 8 });
  try {
    const rates = await throughput(bus, messages);
    const sorted = await latency(bus, 1_000);
    return {
      messages,
      ...rates,
      latencyMessages: sorted.length,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted[sorted.length - 1],
    };
  } finally {
    await bus.close();
  }
}

export function renderBus(figures: BusFigures): string {
  const int = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    '## The Postgres bus',
    '',
    `Throughput: ${int(figures.messages)} messages of ~250 bytes, 4 publishers in batches of 100 over 64 keys, ` +
      'one consumer group (8 partitions).',
    `Latency: ${int(figures.latencyMessages)} single messages 2 ms apart, timed from the publish call to the consumer's handler ` +
      '(LISTEN/NOTIFY wake-up, fallback poll 1 s).',
    '',
    '| published/s | consumed/s (publish start to last handled) | latency p50 | latency p99 | latency max |',
    '|--:|--:|--:|--:|--:|',
    `| ${int(figures.publishedPerSec)} | ${int(figures.consumedPerSec)} ` +
      `| ${figures.p50Ms.toFixed(1)} ms | ${figures.p99Ms.toFixed(1)} ms | ${figures.maxMs.toFixed(1)} ms |`,
  ].join('\n');
}
