import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEY_BYTES } from '../crypto/aes-gcm';
import { MasterKeyConfigError } from '../errors';
import { MasterKeyWrapper } from './master-key-wrapper';

/** The environment variable holding the master key: 32 bytes, base64 (`openssl rand -base64 32`). */
export const MASTER_KEY_ENV = 'PRIVACY_MASTER_KEY';

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
  wrapper: MasterKeyWrapper;
  source: 'environment' | 'file';
  /** True when the file was created by this call: a new vault, or a lost key (then nothing unseals). */
  created: boolean;
}

/**
 * Loads the master key from `PRIVACY_MASTER_KEY`, else from (or into) `file`, and returns it inside
 * a {@link MasterKeyWrapper}: the raw key is never handed out. Errors name the source, never the key.
 */
export function loadMasterKey(options: LoadMasterKeyOptions = {}): LoadedMasterKey {
  const fromEnv = (options.env ?? process.env)[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { wrapper: new MasterKeyWrapper(decode(fromEnv, MASTER_KEY_ENV)), source: 'environment', created: false };
  }
  if (!options.file) {
    throw new MasterKeyConfigError(`${MASTER_KEY_ENV} is not set and no master key file was given`);
  }
  const created = createIfMissing(options.file);
  return { wrapper: new MasterKeyWrapper(readKeyFile(options.file)), source: 'file', created };
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

function readKeyFile(file: string): Buffer {
  // Like ssh with its private keys: a secret others can read is refused, not silently used.
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new MasterKeyConfigError(`The master key file ${file} is readable by others: chmod 600 it`);
  }
  return decode(readFileSync(file, 'utf8'), `The master key file ${file}`);
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
