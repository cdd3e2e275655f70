// The web part of the benchmark alone, on an embedded PostgreSQL of its own; prints the section, writes nothing.
//   node -r @swc-node/register bench/web-run.ts
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';
import { benchmarkWeb, renderWeb } from './web';

const DATA_DIR = clusterDirectory(resolve(__dirname, '../tmp/bench-web-pg'), 'bench-web');

async function main(): Promise<void> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 200 } });
  try {
    console.log(renderWeb(await benchmarkWeb(server.url)));
  } finally {
    await server.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

void main();
