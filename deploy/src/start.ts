// `npm start`: the whole platform on the embedded default. Today that is the embedded PostgreSQL with
// the event store; the services join here as they are built. Ctrl-C stops everything cleanly; a
// restart keeps every event (data in .data/).
import { join } from 'node:path';
import { Client } from 'pg';
import { createEventStore, type EventStore } from '@vertrouwd/event-sourcing';
import { startEmbeddedPostgres, withDatabase, type EmbeddedPostgresServer } from '@vertrouwd/testing';
import { dataDirectory } from './data-dir';
import { DEMO_STREAM, seedDemoData } from './demo-data';

const DATABASE = 'vertrouwd';

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = dataDirectory();
  const port = Number(process.env.PGPORT ?? 54320);
  let postgres: EmbeddedPostgresServer | undefined;
  let store: EventStore | undefined;
  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    await store?.close().catch(() => undefined);
    await postgres?.stop();
    console.log('stopped; every event is kept in', dir);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port, persistent: true });
  await ensureDatabase(postgres.url, DATABASE);
  const databaseUrl = withDatabase(postgres.url, DATABASE);
  store = await createEventStore({ DATABASE_URL: databaseUrl });
  const seeded = await seedDemoData(store);
  const head = await store.headPosition();
  const chain = await store.verifyStream(DEMO_STREAM);

  console.log(`Vertrouwd (embedded default) is up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  PostgreSQL   ${databaseUrl}`);
  console.log(`  event store  PostgreSQL, head position ${head}; demo stream ${DEMO_STREAM} ${seeded}, chain ${chain.valid ? 'verified' : 'BROKEN'}`);
  console.log(`  data         ${dir}`);
  console.log('  services     none yet: intake, case, matching, billing and reporting join here as they are built');
  console.log('Ctrl-C stops everything.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
