import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { KeyUnwrapError, MasterKeyConfigError } from '../errors';
import { MasterKeyWrapper } from './master-key-wrapper';

describe('MasterKeyWrapper', () => {
  const masterKey = randomBytes(32);
  const wrapper = new MasterKeyWrapper(masterKey);
  const dataKey = randomBytes(32);

  it('unwraps what it wrapped, for the same context', async () => {
    const wrapped = await wrapper.wrap(dataKey, 'key-1');
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(await wrapper.unwrap(wrapped, 'key-1')).toEqual(dataKey);
  });

  it('refuses another context: a wrapped key moved to another row does not unwrap', async () => {
    const wrapped = await wrapper.wrap(dataKey, 'key-1');
    await expect(wrapper.unwrap(wrapped, 'key-2')).rejects.toThrow(KeyUnwrapError);
  });

  it('refuses with another master key, and the error carries no key material', async () => {
    const wrapped = await wrapper.wrap(dataKey, 'key-1');
    const error = await new MasterKeyWrapper(randomBytes(32)).unwrap(wrapped, 'key-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyUnwrapError);
    const text = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of [masterKey, dataKey, wrapped]) {
      expect(text).not.toContain(secret.toString('base64'));
      expect(text).not.toContain(secret.toString('hex'));
    }
  });

  it('is identified by a stable fingerprint that tells master keys apart', () => {
    expect(new MasterKeyWrapper(masterKey).keyId).toBe(wrapper.keyId);
    expect(new MasterKeyWrapper(randomBytes(32)).keyId).not.toBe(wrapper.keyId);
    expect(wrapper.keyId).toMatch(/^master:[0-9a-f]{16}$/);
  });

  it('shows only its key id when logged or serialised', () => {
    for (const shown of [inspect(wrapper, { showHidden: true }), JSON.stringify(wrapper), String(Object.values(wrapper))]) {
      expect(shown).not.toContain(masterKey.toString('hex'));
      expect(shown).not.toContain(masterKey.toString('base64'));
    }
    expect(JSON.stringify(wrapper)).toBe(JSON.stringify({ keyId: wrapper.keyId }));
  });

  it('keeps its own copy of the key', async () => {
    const given = Buffer.from(masterKey);
    const own = new MasterKeyWrapper(given);
    const wrapped = await own.wrap(dataKey, 'k');
    given.fill(0);
    expect(await own.unwrap(wrapped, 'k')).toEqual(dataKey);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => new MasterKeyWrapper(randomBytes(16))).toThrow(MasterKeyConfigError);
  });
});
