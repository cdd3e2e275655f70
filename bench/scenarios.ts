// The scenarios of the issue, written once against `Contender`. `prepare` builds data and warms up
// (never timed); the function it returns is the timed section and returns how many events it moved.
import { Client } from 'pg';
import { eventsFor, type BenchConfig } from './config';
import type { Contender } from './contenders/contender';
import { makeStreams } from './events';
import { rebuildProjection, createReadModel } from './projection';

export type ScenarioId = 'a1' | 'a16' | 'b' | 'c' | 'd-read' | 'd-projection';

export interface ScenarioContext {
  contender: Contender;
  config: BenchConfig;
  /** Connection string of the contender's own database. */
  url: string;
  /** Streams written by (b), read back by (c). */
  writtenStreams: string[];
  /** Events in the database when (d) starts. */
  totalEvents: number;
  /** Wrong results seen (reported, not fatal: they are findings about a contender). */
  anomalies: string[];
}

function expectCount(ctx: ScenarioContext, what: string, got: number, expected: number): void {
  if (got !== expected) ctx.anomalies.push(`${what} returned ${got} events, expected ${expected}`);
}

export interface Timed {
  run(): Promise<number>;
  cleanup?(): Promise<void>;
}

/** `workers` loops that each take the next item until none are left. */
async function inParallel<T>(workers: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, loop));
}

/** Opens every pooled connection before timing, so no contender pays for connecting. */
async function warmPool(ctx: ScenarioContext): Promise<void> {
  const reads = Array.from({ length: ctx.config.poolSize * 2 }, () => 'case-warm-up');
  await inParallel(ctx.config.poolSize, reads, async (id) => void (await ctx.contender.readStream(id)));
}

function oneByOne(ctx: ScenarioContext, concurrency: number, fraction: number): Promise<Timed> {
  const { config, contender } = ctx;
  const streams = makeStreams(
    eventsFor(config, fraction, config.streamLength) / config.streamLength,
    config.streamLength,
    config.eventBytes,
  );
  const appendStream = async ({ streamId, events }: (typeof streams)[number]) => {
    for (let i = 0; i < events.length; i++) await contender.appendOne(streamId, i === 0 ? 'no_stream' : i - 1, events[i]);
  };
  return (async () => {
    await warmPool(ctx);
    // The same code path first, on streams of its own, so the JIT's warm-up is not timed: at least 500 appends, for
    // every contender. Three per worker were too few at concurrency 1: measured with bench/append-one-run.ts (passes of
    // 1,000 lone appends, 2026-12-06), ours cost 788 µs per event in the first pass and 520–560 from the fifth on, raw
    // 378 and 340–420; the timed 2,000 appends of (a) at concurrency 1 were mostly that warm-up.
    await inParallel(concurrency, makeStreams(Math.max(concurrency, 50), config.streamLength, config.eventBytes), appendStream);
    return {
      run: async () => {
        await inParallel(concurrency, streams, appendStream);
        return streams.length * config.streamLength;
      },
    };
  })();
}

async function batched(ctx: ScenarioContext): Promise<Timed> {
  const { config, contender } = ctx;
  const streams = makeStreams(eventsFor(config, 1, config.batchSize) / config.batchSize, config.batchSize, config.eventBytes);
  await warmPool(ctx);
  return {
    run: async () => {
      await inParallel(config.concurrency, streams, ({ streamId, events }) => contender.appendMany(streamId, 'no_stream', events));
      ctx.writtenStreams = streams.map((s) => s.streamId);
      ctx.totalEvents = streams.length * config.batchSize;
      return ctx.totalEvents;
    },
  };
}

async function streamReads(ctx: ScenarioContext): Promise<Timed> {
  const { config, contender } = ctx;
  await warmPool(ctx);
  return {
    run: async () => {
      let read = 0;
      let short = 0;
      await inParallel(config.concurrency, ctx.writtenStreams, async (streamId) => {
        const count = await contender.readStream(streamId);
        if (count !== config.batchSize) short++;
        read += count;
      });
      expectCount(ctx, `whole-stream reads (${short} streams short)`, read, ctx.totalEvents);
      return read;
    },
  };
}

async function readAll(ctx: ScenarioContext): Promise<Timed> {
  const { config, contender } = ctx;
  const pass = async () => {
    let after = 0n;
    let read = 0;
    for (;;) {
      const page = await contender.readAllPage(after, config.pageSize);
      read += page.count;
      after = page.lastPosition;
      if (page.count < config.pageSize) break;
    }
    return read;
  };
  // Three untimed passes first, for every contender: a replay of millions of events runs warm (its code compiled by
  // the JIT's top tier), and a pass over ~20,000 events would otherwise time mostly the warm-up. One pass was not
  // enough: measured after one, ours cost 5.8–6.5 µs of Node CPU per event and raw 4.6–6.2; after three, 3.8 and
  // 4.2–4.4 (two runs each, 2026-12-06).
  for (let warmUp = 0; warmUp < 3; warmUp++) await pass();
  return {
    run: async () => {
      const read = await pass();
      expectCount(ctx, 'read-all', read, ctx.totalEvents);
      return read;
    },
  };
}

async function projectionRebuild(ctx: ScenarioContext): Promise<Timed> {
  const client = new Client({ connectionString: ctx.url });
  await client.connect();
  await createReadModel(client);
  return {
    run: async () => {
      const read = await rebuildProjection(ctx.contender, client, ctx.config.pageSize);
      expectCount(ctx, 'projection rebuild', read, ctx.totalEvents);
      return read;
    },
    cleanup: () => client.end(),
  };
}

export const SCENARIOS: Record<ScenarioId, (ctx: ScenarioContext) => Promise<Timed>> = {
  a1: (ctx) => oneByOne(ctx, 1, ctx.config.a1Fraction),
  a16: (ctx) => oneByOne(ctx, ctx.config.concurrency, ctx.config.a16Fraction),
  b: batched,
  c: streamReads,
  'd-read': readAll,
  'd-projection': projectionRebuild,
};

/** Scenarios sharing one fresh database: (c) and (d) read what (b) wrote. */
export const SCENARIO_GROUPS: ScenarioId[][] = [['a1'], ['a16'], ['b', 'c', 'd-read', 'd-projection']];
