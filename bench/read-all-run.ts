// The event store's read-all alone, ours against raw `pg`, on an embedded PostgreSQL of its own: each contender writes
// the same kind of events (400 streams of 100), then reads them all in global order, in pages of 1,000, six times;
// prints Node's CPU per event of each pass, so the first (cold) pass and the warm ones can be told apart.
//   node -r @swc-node/register bench/read-all-run.ts
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, withDatabase } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';
import { OursContender } from './contenders/ours';
import { RawContender } from './contenders/raw';
import { makeEvent } from './events';

const DATA_DIR = clusterDirectory(resolve(__dirname, '../tmp/bench-read-all-pg'), 'bench-read-all');
const STREAMS = 400;
const PAGE = 1000;

async function main(): Promise<void> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 50 } });
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  try {
    for (const contender of [new OursContender(), new RawContender()]) {
      const database = `read_all_${contender.name}`;
      await admin.query(`create database ${database}`);
      await contender.setup(withDatabase(server.url, database), 4);
      for (let s = 0; s < STREAMS; s++) {
        await contender.appendMany(
          `case-${s}`,
          'no_stream',
          Array.from({ length: 100 }, (_, i) => makeEvent(`case-${s}`, i, 300)),
        );
      }
      for (let pass = 1; pass <= 6; pass++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        let after = 0n;
        let events = 0;
        for (;;) {
          const page = await contender.readAllPage(after, PAGE);
          events += page.count;
          after = page.lastPosition;
          if (page.count < PAGE) break;
        }
        const used = process.cpuUsage(cpu);
        const perEvent = (used.user + used.system) / events;
        const rate = events / ((performance.now() - started) / 1000);
        console.log(
          `${contender.name} pass ${pass}: ${events} events, ${perEvent.toFixed(2)} µs of Node CPU per event, ${Math.round(rate)} events/s`,
        );
      }
      await contender.close();
    }
  } finally {
    await admin.end();
    await server.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

void main();
