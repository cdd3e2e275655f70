// An online, physical backup of the whole embedded PostgreSQL cluster through PostgreSQL's low-level base backup API
// (pg_backup_start / pg_backup_stop), with the WAL it needs: what pg_basebackup does, for a server whose binaries
// include no pg_basebackup (ADR 0038). The backup holds the database only: never the master key.
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { withDatabase } from '@vertrouwd/testing';

export const BACKUP_FORMAT = 'vertrouwd-base-backup/1';
/** The backup's description, written last: a directory without it is not a finished backup. */
export const MANIFEST_FILE = 'backup.json';

export interface BackupFile {
  /** Relative to the backup directory, `/`-separated. */
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  /** When the backup started (ISO-8601): the restored cluster holds what was committed by `stopLsn`. */
  startedAt: string;
  finishedAt: string;
  /** PostgreSQL's major version (`PG_VERSION`): a physical backup restores only into the same major version. */
  postgresVersion: string;
  startLsn: string;
  stopLsn: string;
  /** The id (fingerprint, not the key) of the master key each key vault in the cluster was created with. */
  masterKeyIds: string[];
  /** Every file of the backup but this manifest, with its checksum. */
  files: BackupFile[];
}

export interface BackupOptions {
  /** A superuser's URL of the running server (the embedded default's `postgres` database). */
  adminUrl: string;
  /** A new or empty directory: the backup goes into `base/` (the cluster and its WAL) and `files/`. */
  target: string;
  /** Files of the embedded default's data directory to keep with the backup (the dev issuer's accounts, …): `files/`. */
  extraFiles?: { from: string; exclude: string[] };
}

// What pg_basebackup leaves out: runtime state that a starting server recreates, and the WAL, copied apart.
const EMPTIED_DIRECTORIES = [
  'pg_wal',
  'pg_dynshmem',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
];
const SKIPPED_FILES = ['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'current_logfiles', 'pg_internal.init'];
const SMALL_FILE = 32 * 2 ** 20;
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * Takes a consistent backup of the running cluster while it serves: starts a base backup (a fast checkpoint), copies
 * the data directory, stops the backup, then copies the WAL from the backup's start to its end, held back meanwhile
 * by a temporary replication slot. Every file is checksummed into `backup.json`, written last.
 */
export async function takeBaseBackup(options: BackupOptions): Promise<BackupManifest> {
  const { target } = options;
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty: back up into a new directory`);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const startedAt = new Date().toISOString();
  const client = new Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    const clusterDir = (await one<{ data_directory: string }>(client, 'show data_directory')).data_directory;
    const masterKeyIds = await vaultMasterKeyIds(options.adminUrl, client);
    const files: BackupFile[] = [];
    // Holds every WAL segment from here on until this session ends, whatever checkpoints happen during the copy.
    await client.query('select pg_create_physical_replication_slot($1, true, true)', [
      `vertrouwd_backup_${randomBytes(6).toString('hex')}`,
    ]);
    const start = await one<{ lsn: string; walfile: string }>(
      client,
      "select lsn::text, pg_walfile_name(lsn) as walfile from pg_backup_start('vertrouwd', true) as lsn",
    );
    await copyCluster(clusterDir, join(target, 'base'), target, files);
    const stop = await one<{ lsn: string; walfile: string; labelfile: string; spcmapfile: string }>(
      client,
      'select lsn::text, pg_walfile_name(lsn) as walfile, labelfile, spcmapfile from pg_backup_stop(false)',
    );
    if (stop.spcmapfile.trim() !== '')
      throw new Error('The cluster has tablespaces outside its data directory: not supported by this backup');
    // Without it the restored server would start from the last checkpoint in pg_control, not the backup's.
    files.push(await writeFile(target, 'base/backup_label', stop.labelfile));
    // pg_backup_stop switched to a new segment: every segment up to the stop point is complete on disk.
    await copyWal(join(clusterDir, 'pg_wal'), join(target, 'base', 'pg_wal'), start.walfile, stop.walfile, target, files);
    if (options.extraFiles) await copyExtraFiles(options.extraFiles.from, options.extraFiles.exclude, join(target, 'files'), target, files);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      startedAt,
      finishedAt: new Date().toISOString(),
      postgresVersion: readFileSync(join(target, 'base', 'PG_VERSION'), 'utf8').trim(),
      startLsn: start.lsn,
      stopLsn: stop.lsn,
      masterKeyIds,
      files: files.sort((a, b) => a.path.localeCompare(b.path)),
    };
    writeFileSync(join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } finally {
    await client.end(); // ends a backup still running (on an error) and drops the temporary slot
  }
}

/** Reads a finished backup's manifest and checks every file against it; throws naming the first that differs. */
export async function verifyBackup(backup: string): Promise<BackupManifest> {
  const manifest = readManifest(backup);
  for (const file of manifest.files) {
    const path = join(backup, ...file.path.split('/'));
    if (!existsSync(path)) throw new Error(`The backup is incomplete: ${file.path} is missing`);
    if ((await sha256(path)) !== file.sha256) throw new Error(`The backup is damaged: ${file.path} differs from its checksum`);
  }
  return manifest;
}

/** A finished backup's manifest, unchecked. */
export function readManifest(backup: string): BackupManifest {
  const manifestFile = join(backup, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new Error(`${backup} holds no ${MANIFEST_FILE}: not a finished backup`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${backup} is not a backup of format ${BACKUP_FORMAT as string}`);
  return manifest as BackupManifest;
}

/** The master key id of every key vault (a database with `privacy_vault`) in the cluster. */
async function vaultMasterKeyIds(adminUrl: string, admin: Client): Promise<string[]> {
  const ids = new Set<string>();
  for (const database of await databases(admin)) {
    const client = new Client({ connectionString: withDatabase(adminUrl, database) });
    await client.connect();
    try {
      const { rows } = await client.query<{ vault: string | null }>("select to_regclass('privacy_vault')::text as vault");
      if (!rows[0].vault) continue;
      for (const row of (await client.query<{ master_key_id: string }>('select master_key_id from privacy_vault')).rows)
        ids.add(row.master_key_id);
    } finally {
      await client.end();
    }
  }
  return [...ids].sort();
}

/** The cluster's databases that accept connections, templates left out. */
export async function databases(admin: Client): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where datallowconn and not datistemplate order by datname',
  );
  return rows.map((row) => row.datname);
}

async function copyCluster(from: string, to: string, root: string, files: BackupFile[]): Promise<void> {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let entries: string[];
  try {
    entries = readdirSync(from).sort();
  } catch (error) {
    if (vanished(error)) return; // a directory dropped while we copy (a dropped database): WAL replay drops it too
    throw error;
  }
  for (const name of entries) {
    // The server's socket lives in the data directory (ADR 0080): its lock file is runtime state too.
    if (SKIPPED_FILES.includes(name) || name.startsWith('pgsql_tmp') || name.startsWith('.s.PGSQL.')) continue;
    const source = join(from, name);
    let stat;
    try {
      stat = lstatSync(source);
    } catch (error) {
      if (vanished(error)) continue;
      throw error;
    }
    if (stat.isSymbolicLink()) throw new Error(`${source} is a symbolic link (a tablespace?): not supported by this backup`);
    if (stat.isDirectory()) {
      if (relative(root, to) === 'base' && EMPTIED_DIRECTORIES.includes(name)) {
        mkdirSync(join(to, name), { mode: 0o700 });
        if (name === 'pg_wal') mkdirSync(join(to, name, 'archive_status'), { mode: 0o700 });
      } else {
        await copyCluster(source, join(to, name), root, files);
      }
    } else if (stat.isFile()) {
      const copied = await copyFile(source, join(to, name), root);
      if (copied) files.push(copied);
    }
  }
}

async function copyWal(from: string, to: string, first: string, last: string, root: string, files: BackupFile[]): Promise<void> {
  const timeline = first.slice(0, 8);
  for (const name of readdirSync(from).sort()) {
    const segment = WAL_SEGMENT.test(name) && name.slice(0, 8) === timeline && name >= first && name <= last;
    if (!segment && !name.endsWith('.history')) continue;
    const copied = await copyFile(join(from, name), join(to, name), root);
    if (!copied && segment) throw new Error(`WAL segment ${name} vanished during the backup`);
    if (copied) files.push(copied);
  }
  if (!files.some((file) => file.path === `base/pg_wal/${last}`)) throw new Error(`WAL segment ${last} is missing from the backup`);
}

async function copyExtraFiles(from: string, exclude: string[], to: string, root: string, files: BackupFile[]): Promise<void> {
  if (!existsSync(from)) return;
  for (const name of readdirSync(from).sort()) {
    if (exclude.includes(name)) continue;
    const source = join(from, name);
    const stat = lstatSync(source);
    if (stat.isDirectory()) {
      mkdirSync(to, { recursive: true, mode: 0o700 });
      await copyExtraFiles(source, [], join(to, name), root, files);
    } else if (stat.isFile()) {
      mkdirSync(to, { recursive: true, mode: 0o700 });
      const copied = await copyFile(source, join(to, name), root);
      if (copied) files.push(copied);
    }
  }
}

/** Copies one file (mode 0600) and checksums what was written; undefined when it vanished before it was read. */
async function copyFile(from: string, to: string, root: string): Promise<BackupFile | undefined> {
  const path = relative(root, to).split(sep).join('/');
  try {
    // Most files are small: one read, one write (far fewer turns of the event loop than a stream).
    if (statSync(from).size <= SMALL_FILE) {
      const bytes = readFileSync(from);
      writeFileSync(to, bytes, { mode: 0o600 });
      return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
  } catch (error) {
    if (vanished(error)) return undefined;
    throw error;
  }
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(from, { highWaterMark: 1 << 20 }), tap, createWriteStream(to, { mode: 0o600 }));
  } catch (error) {
    if (!vanished(error)) throw error;
    rmSync(to, { force: true });
    return undefined;
  }
  return { path, size, sha256: hash.digest('hex') };
}

async function writeFile(root: string, path: string, content: string): Promise<BackupFile> {
  writeFileSync(join(root, ...path.split('/')), content, { mode: 0o600 });
  return { path, size: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') };
}

async function sha256(path: string): Promise<string> {
  if (statSync(path).size <= SMALL_FILE) return createHash('sha256').update(readFileSync(path)).digest('hex');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function one<T extends object>(client: Client, sql: string): Promise<T> {
  return (await client.query<T>(sql)).rows[0];
}

function vanished(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
