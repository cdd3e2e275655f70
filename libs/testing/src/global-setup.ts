import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { startEmbeddedPostgres, EmbeddedPostgresServer } from './embedded-postgres';
import { clusterDirectory } from './postgres-user';
import { TEST_POSTGRES_URL_ENV } from './test-database';

declare global {
  var __VERTROUWD_TEST_POSTGRES__: { server: EmbeddedPostgresServer; roots: string[] } | undefined;
}

/** Jest global setup: one embedded PostgreSQL for the whole test run. */
export default async function globalSetup(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'vertrouwd-test-pg-'));
  // As root with a TMPDIR the postgres user cannot enter, the cluster goes where it can (see clusterDirectory).
  const dataDir = clusterDirectory(join(root, 'data'), `test-${basename(root)}`);
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    // A throwaway cluster: durability settings off for speed, enough connections for parallel suites.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 400 },
  });
  process.env[TEST_POSTGRES_URL_ENV] = server.url;
  globalThis.__VERTROUWD_TEST_POSTGRES__ = { server, roots: [...new Set([root, dirname(dataDir)])] };
}
