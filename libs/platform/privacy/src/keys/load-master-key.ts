import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { KEY_BYTES } from '../crypto/aes-gcm';
import { MasterKeyConfigError } from '../errors';
import type { KeyWrapper } from './key-wrapper.port';
import { MasterKeyWrapper } from './master-key-wrapper';
import { RotatingKeyWrapper } from './rotating-key-wrapper';

/** The environment variable holding the master key: 32 bytes, base64 (`openssl rand -base64 32`). */
export const MASTER_KEY_ENV = 'PRIVACY_MASTER_KEY';

/**
 * During a rotation (ADR 0077): the master keys it replaces, base64, separated by commas or spaces. They still unwrap
 * what they wrapped until `rewrapVault` has wrapped it all again; then remove them and destroy them.
 */
export const PREVIOUS_MASTER_KEYS_ENV = 'PRIVACY_PREVIOUS_MASTER_KEYS';

/** Beside the embedded default's key file, the keys a rotation replaced and kept for now, one per line. */
export const previousKeysFile = (file: string): string => `${file}.previous`;

export interface LoadMasterKeyOptions {
  /** Where to look for `PRIVACY_MASTER_KEY` (default `process.env`). */
  env?: Record<string, string | undefined>;
  /**
   * The embedded default: used when the variable is not set; read if it exists, otherwise created
   * with a fresh random key (mode 0600, directory 0700). E.g. `<data dir>/privacy/master.key`.
   */
  file?: string;
}

export interface LoadedMasterKey {
  /** The master key's wrapper; with earlier keys still held during a rotation, a `RotatingKeyWrapper`. */
  wrapper: KeyWrapper;
  source: 'environment' | 'file';
  /** True when the file was created by this call: a new vault, or a lost key (then nothing unseals). */
  created: boolean;
}

/**
 * Loads the master key from `PRIVACY_MASTER_KEY`, else from (or into) `file`, and returns it inside
 * a {@link MasterKeyWrapper}: the raw key is never handed out. Errors name the source, never the key.
 */
export function loadMasterKey(options: LoadMasterKeyOptions = {}): LoadedMasterKey {
  const env = options.env ?? process.env;
  const fromEnv = env[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const previous = keyList(env[PREVIOUS_MASTER_KEYS_ENV] ?? '', PREVIOUS_MASTER_KEYS_ENV);
    return { wrapper: withPrevious(decode(fromEnv, MASTER_KEY_ENV), previous), source: 'environment', created: false };
  }
  if (!options.file) {
    throw new MasterKeyConfigError(`${MASTER_KEY_ENV} is not set and no master key file was given`);
  }
  const created = createIfMissing(options.file);
  const previousFile = previousKeysFile(options.file);
  const previous = exists(previousFile) ? keyList(readSecretFile(previousFile), `The previous master keys file ${previousFile}`) : [];
  return {
    wrapper: withPrevious(decode(readSecretFile(options.file), `The master key file ${options.file}`), previous),
    source: 'file',
    created,
  };
}

function withPrevious(current: Buffer, previous: Buffer[]): KeyWrapper {
  const wrapper = new MasterKeyWrapper(current);
  return previous.length === 0
    ? wrapper
    : new RotatingKeyWrapper(
        wrapper,
        previous.map((key) => new MasterKeyWrapper(key)),
      );
}

function keyList(text: string, source: string): Buffer[] {
  return text
    .split(/[\s,]+/)
    .filter((item) => item !== '')
    .map((item, i) => decode(item, `${source} (key ${i + 1})`));
}

// Strict: Buffer.from(…, 'base64') silently skips bad characters, which would turn a typo into a
// different key (and a vault that no longer opens) instead of an error.
function decode(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  if (key?.length !== KEY_BYTES) {
    throw new MasterKeyConfigError(`${source} must hold ${KEY_BYTES} bytes in base64 (as from \`openssl rand -base64 32\`)`);
  }
  return key;
}

function readSecretFile(file: string): string {
  // Like ssh with its private keys: a secret others can read is refused, not silently used.
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new MasterKeyConfigError(`The master key file ${file} is readable by others: chmod 600 it`);
  }
  return readFileSync(file, 'utf8');
}

/**
 * Writes a temporary file and links it into place: linking never overwrites, so two processes
 * starting together agree on one key, and no reader ever sees a half-written file.
 */
function createIfMissing(file: string): boolean {
  if (exists(file)) return false;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(temporary, 0o600); // the umask may have narrowed it further, never widened; make it exact
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The embedded default's part of a rotation (ADR 0077): the current key joins the previous ones beside it, then a new
 * random key replaces it in `file`. Each file is written whole and renamed into place, the previous keys first, so a
 * stop at any point leaves every key that wraps something readable: `loadMasterKey` then holds them all.
 */
export function rotateKeyFile(file: string): void {
  const current = readSecretFile(file).trim();
  const previousFile = previousKeysFile(file);
  const earlier = exists(previousFile) ? readSecretFile(previousFile).trim() : '';
  replaceSecretFile(previousFile, `${earlier === '' ? '' : `${earlier}\n`}${current}\n`);
  replaceSecretFile(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
}

/** Forgets the previous keys beside `file` (after every key is wrapped by the current one); false if there were none. */
export function forgetPreviousKeys(file: string): boolean {
  const previousFile = previousKeysFile(file);
  if (!exists(previousFile)) return false;
  // Overwritten in place before it is unlinked: on most file systems no readable copy stays (an SSD may keep one).
  const fd = openSync(previousFile, 'r+');
  try {
    writeSync(fd, randomBytes(Math.max(statSync(previousFile).size, 64)), 0, undefined, 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(previousFile);
  return true;
}

function replaceSecretFile(file: string, content: string): void {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
