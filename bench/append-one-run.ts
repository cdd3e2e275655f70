// The event store's lone appends alone (scenario (a) at concurrency 1), ours against raw `pg`, on an embedded
// PostgreSQL of its own: each contender appends 10-event streams one event per call, with the expected version, one
// call at a time, in passes of 1,000 events; prints each pass's µs per event (wall) and Node's CPU per event, so the
// JIT's warm-up (the first passes) and the warm rate can be told apart. BENCH_APPEND_PROFILE=<dir> writes a CPU
// profile of the last pass of each contender there.
//   node -r @swc-node/register bench/append-one-run.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, withDatabase } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';
import type { Contender } from './contenders/contender';
import { OursContender } from './contenders/ours';
import { RawContender } from './contenders/raw';
import { makeEvent } from './events';

const DATA_DIR = clusterDirectory(resolve(__dirname, '../tmp/bench-append-one-pg'), 'bench-append-one');
const PASSES = 8;
const STREAMS_PER_PASS = 100;
const STREAM_LENGTH = 10;
const PROFILE = process.env.BENCH_APPEND_PROFILE;

async function pass(contender: Contender, index: number): Promise<void> {
  for (let s = 0; s < STREAMS_PER_PASS; s++) {
    const streamId = `case-${index}-${s}`;
    for (let i = 0; i < STREAM_LENGTH; i++) {
      await contender.appendOne(streamId, i === 0 ? 'no_stream' : i - 1, makeEvent(streamId, i, 300));
    }
  }
}

async function main(): Promise<void> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 50 } });
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  const session = new Session();
  session.connect();
  try {
    for (const contender of [new OursContender(), new RawContender()] as Contender[]) {
      const database = `append_one_${contender.name}`;
      await admin.query(`create database ${database}`);
      await contender.setup(withDatabase(server.url, database), 16);
      for (let p = 1; p <= PASSES; p++) {
        const profiled = PROFILE !== undefined && p === PASSES;
        if (profiled) {
          await session.post('Profiler.enable');
          await session.post('Profiler.start');
        }
        const cpu = process.cpuUsage();
        const started = performance.now();
        await pass(contender, p);
        const used = process.cpuUsage(cpu);
        const events = STREAMS_PER_PASS * STREAM_LENGTH;
        const wallUs = ((performance.now() - started) * 1000) / events;
        console.log(
          `${contender.name} pass ${p}: ${wallUs.toFixed(0)} µs per event, ${((used.user + used.system) / events).toFixed(0)} µs of Node CPU per event`,
        );
        if (profiled) {
          const { profile } = await session.post('Profiler.stop');
          mkdirSync(PROFILE, { recursive: true });
          writeFileSync(join(PROFILE, `${contender.name}.cpuprofile`), JSON.stringify(profile));
        }
      }
      await contender.close();
    }
  } finally {
    session.disconnect();
    await admin.end();
    await server.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

void main();
