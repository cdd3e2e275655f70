// The operators' commands for the embedded default (docs/operations/backup-restore.md):
//   npm run backup -- <dir>                     the database (the whole PostgreSQL cluster), online, into <dir>
//   npm run backup:key -- <dir>                 the master key and the erasure ledger, into <dir>: somewhere else
//   npm run restore -- <backup> [--keys <dir>]  into this data directory's (new) cluster, erasures re-applied
//   npm run restore:reapply -- <admin url>      production: on an instance its own tooling restored, before any
//                                               service uses it, every erasure re-applied and every chain verified
//   npm run master-key:rotate [-- --url <u>]    a new master key; every live key wrapped again by it (ADR 0077)
//   npm run master-key:forget-previous [-- …]   the replaced keys forgotten, once nothing is wrapped by them
// They read VERTROUWD_DATA_DIR and PGPORT as `npm start` does, and the erasure ledger from PRIVACY_ERASURE_LEDGER
// (a file) and PRIVACY_ERASURE_LEDGER_URL (its own PostgreSQL server).
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import {
  distinctErasures,
  FileErasureLedger,
  forgetPreviousKeys,
  loadMasterKey,
  MASTER_KEY_ENV,
  masterKeyIds,
  PostgresErasureLedger,
  PREVIOUS_MASTER_KEYS_ENV,
  rotateKeyFile,
  type Erasure,
} from '@vertrouwd/privacy';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '@vertrouwd/testing';
import { dataDirectory, postgresDirectory } from '../data-dir';
import { MANIFEST_FILE, takeBaseBackup } from './base-backup';
import { leftUnderOtherKeys, rewrapCluster } from './master-key';
import { makeRestoredClusterSafe, restoreBaseBackup } from './restore';

const KEY_FILE = 'master.key';
const LEDGER_FILE = 'erasures.log';

/** Paths as the operator typed them, from where they typed them (npm runs scripts from the repository root). */
const fromCaller = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const inside = (path: string, dir: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

function ledgerFile(dir: string): string {
  return process.env.PRIVACY_ERASURE_LEDGER ?? join(dir, 'privacy', LEDGER_FILE);
}

async function backup(targetArg: string): Promise<void> {
  const dir = dataDirectory();
  const target = fromCaller(targetArg);
  if (inside(target, dir)) throw new Error(`Back up outside the data directory ${dir}: a backup on the same disk is no backup`);
  const cluster = postgresDirectory(dir);
  if (!existsSync(join(cluster, 'PG_VERSION'))) throw new Error(`No cluster in ${cluster}: nothing to back up`);
  const port = Number(process.env.PGPORT ?? 54320);
  let server: EmbeddedPostgresServer | undefined;
  let adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  if (!(await serves(adminUrl, cluster))) {
    if (existsSync(join(cluster, 'postmaster.pid'))) {
      throw new Error(`A server runs on ${cluster} but not on port ${port}: set PGPORT to its port`);
    }
    console.log(`The platform is not running: starting PostgreSQL on ${cluster} for the backup`);
    server = await startEmbeddedPostgres({ dataDir: cluster, persistent: true });
    adminUrl = server.url;
  }
  try {
    // The cluster (and any moved aside, or a restore's staging), the key and ledger, the logs: never in `files/`.
    const exclude = readdirSync(dir).filter((name) => /^\.?postgres/.test(name) || name === 'privacy' || name === 'logs');
    const manifest = await takeBaseBackup({ adminUrl, target, extraFiles: { from: dir, exclude } });
    const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
    console.log(
      `Backup in ${target}: ${manifest.files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB, PostgreSQL ${manifest.postgresVersion},`,
    );
    console.log(`  consistent as of ${manifest.finishedAt} (WAL ${manifest.startLsn} to ${manifest.stopLsn}).`);
    console.log(`It holds no master key: it restores only with ${manifest.masterKeyIds.join(', ') || 'the master key'}.`);
    console.log('Keep the key and the erasure ledger apart from it: npm run backup:key -- <another place>');
  } finally {
    await server?.stop();
  }
}

/** Whether a server answers on the URL and runs on this cluster. */
async function serves(adminUrl: string, cluster: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    if (realpathSync(rows[0].data_directory) !== realpathSync(cluster)) {
      throw new Error(
        `The server on ${new URL(adminUrl).port} runs ${rows[0].data_directory}, not this data directory's cluster ${cluster}`,
      );
    }
    return true;
  } finally {
    await client.end();
  }
}

function backupKey(targetArg: string): void {
  const dir = dataDirectory();
  const target = fromCaller(targetArg);
  if (inside(target, dir)) throw new Error(`Keep the key outside the data directory ${dir}`);
  for (let at = target; ; at = dirname(at)) {
    if (existsSync(join(at, MANIFEST_FILE))) throw new Error(`${at} is a database backup: keep the master key apart from it`);
    if (dirname(at) === at) break;
  }
  mkdirSync(target, { recursive: true, mode: 0o700 });
  chmodSync(target, 0o700);
  const copy = (from: string, name: string) => {
    copyFileSync(from, join(target, name));
    chmodSync(join(target, name), 0o600);
  };
  if (process.env[MASTER_KEY_ENV]) {
    console.log(`The master key comes from ${MASTER_KEY_ENV}: back it up where that secret is kept; copying the ledger only.`);
  } else {
    const keyFile = join(dir, 'privacy', KEY_FILE);
    if (!existsSync(keyFile)) throw new Error(`No master key in ${keyFile}`);
    copy(keyFile, KEY_FILE);
    console.log(`Master key ${loadMasterKey({ env: {}, file: keyFile }).wrapper.keyId} copied to ${join(target, KEY_FILE)}`);
    // The keys a rotation replaced are not copied: once every key is wrapped by the current one they are to be forgotten.
    if (existsSync(`${keyFile}.previous`)) {
      console.log('Earlier master keys kept beside it since a rotation are not copied: npm run master-key:forget-previous');
    }
  }
  const ledger = ledgerFile(dir);
  if (existsSync(ledger)) {
    copy(ledger, LEDGER_FILE);
    console.log(`Erasure ledger (${FileErasureLedger.read(ledger).length} erasures) copied to ${join(target, LEDGER_FILE)}`);
  } else {
    console.log(`No erasure yet (${ledger} does not exist): nothing to copy but the key`);
  }
}

async function restore(backupArg: string, keysArg: string | undefined): Promise<void> {
  const dir = dataDirectory();
  const backupDir = fromCaller(backupArg);
  const keys = keysArg ? fromCaller(keysArg) : undefined;
  const cluster = postgresDirectory(dir);
  if (existsSync(cluster))
    throw new Error(`${cluster} exists: stop the platform and move it aside, or restore into a new VERTROUWD_DATA_DIR`);
  // The master key: the environment's, this data directory's, or the key backup's (then kept here for `npm start`).
  const keyFile = join(dir, 'privacy', KEY_FILE);
  if (!process.env[MASTER_KEY_ENV] && !existsSync(keyFile)) {
    if (!keys || !existsSync(join(keys, KEY_FILE))) {
      throw new Error(`The restore needs the master key: ${MASTER_KEY_ENV}, ${keyFile}, or --keys <the directory of npm run backup:key>`);
    }
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    copyFileSync(join(keys, KEY_FILE), keyFile);
    chmodSync(keyFile, 0o600);
  }
  const { wrapper } = loadMasterKey({ file: keyFile });
  // Every erasure either ledger knows: the live one beside the key, and the key backup's. Both are kept from now on.
  const live = new FileErasureLedger(ledgerFile(dir));
  const known = FileErasureLedger.read(live.file);
  const fromKeys = keys ? FileErasureLedger.read(join(keys, LEDGER_FILE)) : [];
  const missing = distinctErasures([...known, ...fromKeys]).slice(distinctErasures(known).length);
  for (const erasure of missing) await live.record(erasure);
  // And the ledger on a PostgreSQL server of its own, when the platform writes one (production's way).
  const fromServer = await serverErasures();
  const erasures: Erasure[] = [...known, ...missing, ...fromServer];
  console.log(`Restoring ${backupDir} into ${cluster} with master key ${wrapper.keyId} and ${distinctErasures(erasures).length} erasures`);
  const report = await restoreBaseBackup({ backup: backupDir, clusterDir: cluster, wrapper, erasures, dataDir: dir, log: console.log });
  console.log(`Restored the backup of ${report.backupStartedAt}: ${report.databases} databases.`);
  console.log(
    `  ${report.erasures} erasures re-applied to ${report.vaults} key vault(s): ${report.keysShredded} keys the backup still held are shredded again.`,
  );
  console.log(`  ${report.streams} streams, ${report.events} events: every hash chain intact.`);
  console.log('Start the platform with npm start (the same VERTROUWD_DATA_DIR).');
}

/** The erasures of the ledger at PRIVACY_ERASURE_LEDGER_URL (none when it is not set). */
async function serverErasures(): Promise<Erasure[]> {
  const url = process.env.PRIVACY_ERASURE_LEDGER_URL;
  if (!url) return [];
  const erasures = await PostgresErasureLedger.read(url);
  console.log(`The erasure ledger on ${new URL(url).host} holds ${erasures.length} erasures`);
  return erasures;
}

/**
 * Production: an instance restored by its own tooling (snapshots, point-in-time recovery), before any service is
 * pointed at it. The master key from PRIVACY_MASTER_KEY, the erasures from the ledgers the platform writes.
 */
async function reapply(adminUrl: string): Promise<void> {
  const keyFile = join(dataDirectory(), 'privacy', KEY_FILE);
  if (!process.env[MASTER_KEY_ENV] && !existsSync(keyFile)) throw new Error(`The master key is needed: ${MASTER_KEY_ENV} or ${keyFile}`);
  const { wrapper } = loadMasterKey({ file: keyFile });
  const file = process.env.PRIVACY_ERASURE_LEDGER;
  const erasures = [...(file ? FileErasureLedger.read(file) : []), ...(await serverErasures())];
  if (erasures.length === 0 && !file && !process.env.PRIVACY_ERASURE_LEDGER_URL) {
    throw new Error('Name the erasure ledger: PRIVACY_ERASURE_LEDGER_URL (or PRIVACY_ERASURE_LEDGER, a file)');
  }
  const report = await makeRestoredClusterSafe(adminUrl, { wrapper, erasures }, 'the restored instance', console.log);
  console.log(
    `${report.erasures} erasures re-applied to ${report.vaults} key vault(s): ${report.keysShredded} keys the restore still held are shredded again.`,
  );
  console.log(`${report.streams} streams, ${report.events} events in ${report.databases} databases: every hash chain intact.`);
}

/**
 * The embedded default's cluster for a key command: the running platform's server is refused (its processes hold the
 * keys they started with) unless the command only reads (`whileRunning`); otherwise PostgreSQL is started on the data
 * directory for the command and stopped after.
 */
async function withStoppedPlatform<T>(work: (adminUrl: string) => Promise<T>, whileRunning = false): Promise<T> {
  const cluster = postgresDirectory(dataDirectory());
  if (!existsSync(join(cluster, 'PG_VERSION'))) throw new Error(`No cluster in ${cluster}: nothing to do`);
  const port = Number(process.env.PGPORT ?? 54320);
  const running = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  if (await serves(running, cluster)) {
    if (whileRunning) return work(running);
    throw new Error('The platform is running: stop it first (Ctrl-C); its processes hold the master key they started with');
  }
  const server = await startEmbeddedPostgres({ dataDir: cluster, persistent: true });
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

/**
 * Embedded: the current key joins the previous ones, a new key replaces it, and every key vault is wrapped again by the
 * new key (first finishing an earlier rotation a stop interrupted). Production (PRIVACY_MASTER_KEY set): the new key in
 * PRIVACY_MASTER_KEY, the replaced ones in PRIVACY_PREVIOUS_MASTER_KEYS, every service already running with both; this
 * wraps the vault's cluster at --url again.
 */
async function rotateMasterKey(url: string | undefined): Promise<void> {
  if (process.env[MASTER_KEY_ENV]) {
    if (!url) throw new Error(`With ${MASTER_KEY_ENV} set, name the key vault's server: npm run master-key:rotate -- --url <admin url>`);
    const { wrapper } = loadMasterKey();
    if (!wrapper.previous?.length) {
      throw new Error(
        `Set ${MASTER_KEY_ENV} to the new key and ${PREVIOUS_MASTER_KEYS_ENV} to the key(s) it replaces, in every service too`,
      );
    }
    await rewrapCluster(url, wrapper, console.log);
    console.log(`Every key vault is wrapped by ${wrapper.keyId}. Then: npm run master-key:forget-previous -- --url ${url}`);
    return;
  }
  const keyFile = join(dataDirectory(), 'privacy', KEY_FILE);
  if (!existsSync(keyFile)) throw new Error(`No master key in ${keyFile}`);
  await withStoppedPlatform(async (adminUrl) => {
    // An earlier rotation a stop interrupted is finished first: nothing stays under a key older than the current one.
    await rewrapCluster(adminUrl, loadMasterKey({ env: {}, file: keyFile }).wrapper);
    const before = loadMasterKey({ env: {}, file: keyFile }).wrapper.keyId;
    rotateKeyFile(keyFile);
    const { wrapper } = loadMasterKey({ env: {}, file: keyFile });
    console.log(`New master key ${wrapper.keyId} in ${keyFile}; ${before} kept beside it (${keyFile}.previous) for now`);
    await rewrapCluster(adminUrl, wrapper, console.log);
  });
  console.log('Every key vault is wrapped by the new key. Now:');
  console.log('  npm run backup:key -- <a place apart>   the new key; backups from now on open only with it');
  console.log('  npm run master-key:forget-previous      the replaced key forgotten: what older backups hold under it,');
  console.log('                                           shredded keys included, can no longer be read (nor restored)');
}

/** The replaced keys forgotten, once no live key or secret in any vault is wrapped by them. */
async function forgetPreviousMasterKeys(url: string | undefined): Promise<void> {
  const production = Boolean(process.env[MASTER_KEY_ENV]);
  if (production && !url) throw new Error("With PRIVACY_MASTER_KEY set, name the key vault's server: -- --url <admin url>");
  const keyFile = join(dataDirectory(), 'privacy', KEY_FILE);
  const { wrapper } = loadMasterKey({ file: keyFile });
  // Reading only: the platform may run (its processes keep the earlier key in memory, unused from now on).
  const left = production
    ? await leftUnderOtherKeys(url!, wrapper.keyId)
    : await withStoppedPlatform((adminUrl) => leftUnderOtherKeys(adminUrl, wrapper.keyId), true);
  const waiting = Object.entries(left).filter(([, n]) => n > 0);
  if (waiting.length > 0) {
    throw new Error(
      `Still wrapped by an earlier key: ${waiting.map(([db, n]) => `${n} in ${db}`).join(', ')}. Run npm run master-key:rotate first`,
    );
  }
  const earlier = masterKeyIds(wrapper).slice(1);
  if (production) {
    console.log(
      `Nothing is wrapped by an earlier key. Remove ${PREVIOUS_MASTER_KEYS_ENV} from every service and destroy ${earlier.join(', ') || 'the replaced keys'}.`,
    );
    return;
  }
  if (!forgetPreviousKeys(keyFile)) {
    console.log('No earlier master key is kept here: nothing to forget.');
    return;
  }
  console.log(`Forgot ${earlier.join(', ')}: backups taken under it open only with a key backup made before the rotation.`);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'rotate-master-key' || command === 'forget-previous-master-keys') {
    const urlAt = args.indexOf('--url');
    const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
    if (urlAt >= 0 && !url) throw new Error("--url needs the admin URL of the key vault's server");
    return command === 'rotate-master-key' ? rotateMasterKey(url) : forgetPreviousMasterKeys(url);
  }
  const keysAt = args.indexOf('--keys');
  const keys = keysAt >= 0 ? args[keysAt + 1] : undefined;
  const path = args.find((arg, at) => !arg.startsWith('--') && (keysAt < 0 || at !== keysAt + 1));
  const usage =
    'usage: npm run backup -- <dir> | npm run backup:key -- <dir> | npm run restore -- <backup dir> [--keys <key dir>] | npm run restore:reapply -- <admin url>';
  if (!path || (keysAt >= 0 && !keys)) throw new Error(usage);
  if (command === 'backup') await backup(path);
  else if (command === 'backup-key') backupKey(path);
  else if (command === 'restore') await restore(path, keys);
  else if (command === 'reapply') await reapply(path);
  else throw new Error(usage);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
