// The event store's lone appends alone (scenario (a) at concurrency 1), ours against raw `pg`, on an embedded
// PostgreSQL of its own: each contender appends 10-event streams one event per call, with the expected version, one
// call at a time, in passes of 1,000 events; prints each pass's µs per event (wall) and Node's CPU per event, so the
// JIT's warm-up (the first passes) and the warm rate can be told apart. BENCH_APPEND_PROFILE=<dir> writes a CPU
// profile of the last pass of each contender there; BENCH_APPEND_PG_STATEMENTS=1 prints PostgreSQL's execution time per
// event of each contender's statements (pg_stat_statements).
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
const PG_STATEMENTS = process.env.BENCH_APPEND_PG_STATEMENTS === '1';

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
  const statistics: Record<string, string> = PG_STATEMENTS ? { shared_preload_libraries: 'pg_stat_statements' } : {};
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 50, ...statistics } });
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  if (PG_STATEMENTS) await admin.query('create extension if not exists pg_stat_statements');
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
      if (PG_STATEMENTS) await printStatements(admin, database, PASSES * STREAMS_PER_PASS * STREAM_LENGTH);
    }
  } finally {
    session.disconnect();
    await admin.end();
    await server.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

async function printStatements(admin: Client, database: string, events: number): Promise<void> {
  const { rows } = await admin.query<{ calls: string; exec: number; query: string }>(
    `select s.calls, s.total_exec_time as exec, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 70) as query
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = $1 order by s.total_exec_time desc limit 4`,
    [database],
  );
  for (const r of rows) {
    console.log(
      `  ${database}: ${(Number(r.calls) / events).toFixed(2)} calls, ${((r.exec * 1000) / events).toFixed(0)} µs per event: ${r.query}`,
    );
  }
}

void main();
