import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKeyConfigError } from '../errors';
import type { KeyWrapper } from './key-wrapper.port';
import { loadMasterKey, MASTER_KEY_ENV, PREVIOUS_MASTER_KEYS_ENV, previousKeysFile } from './load-master-key';
import { MasterKeyWrapper } from './master-key-wrapper';

describe('loadMasterKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'privacy-master-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it(`reads ${MASTER_KEY_ENV} (base64, 32 bytes) before any file`, () => {
    const key = randomBytes(32);
    const file = join(dir, 'master.key');
    const loaded = loadMasterKey({ env: { [MASTER_KEY_ENV]: key.toString('base64') }, file });
    expect(loaded).toMatchObject({ source: 'environment', created: false });
    expect(loaded.wrapper.keyId).toBe(new MasterKeyWrapper(key).keyId);
    expect(() => statSync(file)).toThrow();
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['not base64', `${'a'.repeat(40)}!!!=`],
    ['hex instead of base64', randomBytes(32).toString('hex')],
  ])('refuses a malformed variable (%s), naming the variable and not the value', (_, value) => {
    const error = (() => {
      try {
        loadMasterKey({ env: { [MASTER_KEY_ENV]: value } });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(MasterKeyConfigError);
    expect(error!.message).toContain(MASTER_KEY_ENV);
    expect(error!.message).not.toContain(value);
  });

  const previousIds = (wrapper: KeyWrapper) => (wrapper.previous ?? []).map((w) => w.keyId);

  it(`holds the keys a rotation replaces: ${PREVIOUS_MASTER_KEYS_ENV} (commas or spaces), or the file beside the key`, () => {
    const [current, old1, old2] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const ids = [old1, old2].map((key) => new MasterKeyWrapper(key).keyId);
    const env = {
      [MASTER_KEY_ENV]: current.toString('base64'),
      [PREVIOUS_MASTER_KEYS_ENV]: `${old1.toString('base64')}, ${old2.toString('base64')}`,
    };
    const fromEnv = loadMasterKey({ env }).wrapper;
    expect(fromEnv.keyId).toBe(new MasterKeyWrapper(current).keyId);
    expect(previousIds(fromEnv)).toEqual(ids);
    const file = join(dir, 'master.key');
    writeFileSync(file, `${current.toString('base64')}\n`, { mode: 0o600 });
    writeFileSync(previousKeysFile(file), `${old1.toString('base64')}\n${old2.toString('base64')}\n`, { mode: 0o600 });
    const fromFile = loadMasterKey({ env: {}, file }).wrapper;
    expect(fromFile.keyId).toBe(fromEnv.keyId);
    expect(previousIds(fromFile)).toEqual(ids);
    // Without earlier keys, the plain wrapper.
    expect(loadMasterKey({ env: { [MASTER_KEY_ENV]: current.toString('base64') } }).wrapper.previous).toBeUndefined();
  });

  it('refuses a malformed or readable previous key, naming where it is and not the value', () => {
    const current = randomBytes(32).toString('base64');
    const bad = randomBytes(16).toString('base64');
    expect(() => loadMasterKey({ env: { [MASTER_KEY_ENV]: current, [PREVIOUS_MASTER_KEYS_ENV]: bad } })).toThrow(
      new RegExp(`^${PREVIOUS_MASTER_KEYS_ENV} \\(key 1\\) must hold`),
    );
    const file = join(dir, 'master.key');
    writeFileSync(file, `${current}\n`, { mode: 0o600 });
    writeFileSync(previousKeysFile(file), `${randomBytes(32).toString('base64')}\n`, { mode: 0o644 });
    chmodSync(previousKeysFile(file), 0o644);
    expect(() => loadMasterKey({ env: {}, file })).toThrow(MasterKeyConfigError);
    writeFileSync(previousKeysFile(file), `${bad}\n`);
    chmodSync(previousKeysFile(file), 0o600);
    const error = (() => {
      try {
        loadMasterKey({ env: {}, file });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain(previousKeysFile(file));
    expect(error?.message).not.toContain(bad);
  });

  it('creates the embedded default key file (0600 in a 0700 directory) once, then reads it', () => {
    const file = join(dir, 'privacy', 'master.key');
    const first = loadMasterKey({ env: {}, file });
    expect(first).toMatchObject({ source: 'file', created: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'privacy')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);

    const again = loadMasterKey({ env: {}, file });
    expect(again).toMatchObject({ source: 'file', created: false });
    expect(again.wrapper.keyId).toBe(first.wrapper.keyId);
  });

  it('refuses a key file that others can read', () => {
    const file = join(dir, 'master.key');
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(() => loadMasterKey({ env: {}, file })).toThrow(/readable by others/);
  });

  it('refuses a malformed key file without quoting it', () => {
    const file = join(dir, 'master.key');
    writeFileSync(file, 'not a key', { mode: 0o600 });
    expect(() => loadMasterKey({ env: {}, file })).toThrow(MasterKeyConfigError);
    expect(() => loadMasterKey({ env: {}, file })).not.toThrow(/not a key/);
  });

  it('says what to set when there is neither variable nor file', () => {
    expect(() => loadMasterKey({ env: {} })).toThrow(`${MASTER_KEY_ENV} is not set`);
  });
});
