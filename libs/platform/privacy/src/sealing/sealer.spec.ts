import { AlreadyShreddedError, InvalidRefError, MalformedSealedValueError, SealedValueTamperedError } from '../errors';
import { InMemoryKeyVault } from '../vault/in-memory-key-vault';
import { caseKey, subjectKey } from '../vault/key-ref';
import { isSealed, SEALED_PREFIX, type Sealed } from './sealed-format';
import { Sealer, shown } from './sealer';

const narrative = caseKey('case-1');
const reporter = subjectKey('reporter', 'r-1', 'case-1');
const accused = subjectKey('accused', 'a-1', 'case-1');

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: Error) => error,
  );
}

/** Flips one character in the middle of a base64url field, so the decoded bytes surely change. */
function flip(sealed: string, field: number): string {
  const parts = sealed.split(':');
  const text = parts[field];
  const at = Math.floor(text.length / 2);
  parts[field] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  return parts.join(':');
}

describe('Sealer', () => {
  let vault: InMemoryKeyVault;
  let sealer: Sealer;
  beforeEach(() => {
    vault = new InMemoryKeyVault();
    sealer = new Sealer(vault);
  });

  it('seals into sealed:v1:<key id>:<iv>:<ciphertext>, carrying the key id and no plaintext', async () => {
    const sealed = await sealer.seal('Jan de Vries', reporter);
    const { keyId } = await vault.keyFor(reporter);
    expect(sealed).toMatch(/^sealed:v1:[0-9a-f-]{36}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed.split(':')[2]).toBe(keyId);
    expect(sealed).not.toContain('Jan');
    expect(isSealed(sealed)).toBe(true);
    expect(SEALED_PREFIX).toBe('sealed:');
  });

  it('round-trips strings and objects, each seal with a fresh IV', async () => {
    const contact = { name: 'Jan de Vries', phone: '+31 6 12345678', tags: ['a', 1, null] };
    const first = await sealer.seal('Jan de Vries', reporter);
    const second = await sealer.seal('Jan de Vries', reporter);
    expect(first).not.toBe(second);
    expect(await sealer.unseal(first)).toEqual({ status: 'ok', value: 'Jan de Vries' });
    expect(await sealer.unseal(await sealer.seal(contact, reporter))).toEqual({ status: 'ok', value: contact });
    expect(await sealer.unseal(await sealer.seal('', narrative))).toEqual({ status: 'ok', value: '' });
  });

  it('keeps the type it sealed for the compiler', async () => {
    const sealed: Sealed<{ phone: string }> = await sealer.seal({ phone: '+31 6 12345678' }, reporter);
    const unsealed = await sealer.unseal(sealed);
    expect(unsealed.status === 'ok' && unsealed.value.phone).toBe('+31 6 12345678');
  });

  it('uses one key per subject and one for the narrative of the case', async () => {
    const ids = await Promise.all([reporter, accused, narrative].map(async (ref) => (await sealer.seal('x', ref)).split(':')[2]));
    expect(new Set(ids).size).toBe(3);
    expect((await sealer.seal('y', reporter)).split(':')[2]).toBe(ids[0]);
  });

  it.each([
    ['the ciphertext', 4],
    ['the IV', 3],
  ])('refuses %s when altered, without echoing anything of it', async (_, field) => {
    const sealed = await sealer.seal('Jan de Vries woont in Utrecht', reporter);
    const error = await failure(sealer.unseal(flip(sealed, field)));
    expect(error).toBeInstanceOf(SealedValueTamperedError);
    expect(error.message).not.toMatch(/Jan|Utrecht/);
    expect(error.message).not.toContain(sealed.split(':')[4].slice(0, 12));
  });

  it('binds the key id (AAD): a ciphertext moved under another key id fails authentication', async () => {
    const sealed = await sealer.seal('secret', reporter);
    const otherKeyId = (await sealer.seal('x', accused)).split(':')[2];
    const moved = sealed
      .split(':')
      .map((part, i) => (i === 2 ? otherKeyId : part))
      .join(':');
    await expect(sealer.unseal(moved)).rejects.toThrow(SealedValueTamperedError);
  });

  it('reads no other version: a relabelled value is malformed', async () => {
    const sealed = await sealer.seal('secret', reporter);
    await expect(sealer.unseal(sealed.replace('sealed:v1:', 'sealed:v2:'))).rejects.toThrow(MalformedSealedValueError);
  });

  it.each(['Jan de Vries', 'sealed:v1:Jan de Vries', '', 'sealed:v1:not-a-key:AAAA:BBBB'])(
    'refuses %j as malformed, without quoting it',
    async (value) => {
      const error = await failure(sealer.unseal(value));
      expect(error).toBeInstanceOf(MalformedSealedValueError);
      expect(error.message).not.toContain('Jan');
    },
  );

  it('reads erased once the key is shredded, and refuses to seal for that subject again', async () => {
    const name = await sealer.seal('Jan de Vries', reporter);
    const story = await sealer.seal('what happened', narrative);
    await vault.shredSubject('reporter', 'r-1');
    expect(await sealer.unseal(name)).toEqual({ status: 'erased' });
    expect(await sealer.unseal(story)).toEqual({ status: 'ok', value: 'what happened' });
    await expect(sealer.seal('again', reporter)).rejects.toThrow(AlreadyShreddedError);
  });

  describe('bound to a case ({ caseRef })', () => {
    const otherReporter = subjectKey('reporter', 'r-1', 'case-2');

    it("opens a value of the case's narrative key or of a subject's key in that case", async () => {
      expect(await sealer.unseal(await sealer.seal('story', narrative), { caseRef: 'case-1' })).toEqual({ status: 'ok', value: 'story' });
      expect(await sealer.unseal(await sealer.seal('Jan', reporter), { caseRef: 'case-1' })).toEqual({ status: 'ok', value: 'Jan' });
    });

    it("refuses another case's value as foreign, narrative and subject keys alike, never its content", async () => {
      const story = await sealer.seal('what happened in case 2', caseKey('case-2'));
      const name = await sealer.seal('Piet', otherReporter);
      expect(await sealer.unseal(story, { caseRef: 'case-1' })).toEqual({ status: 'foreign' });
      expect(await sealer.unseal(name, { caseRef: 'case-1' })).toEqual({ status: 'foreign' });
      expect(await sealer.unseal(await sealer.seal('Jan', reporter), { caseRef: 'case-2' })).toEqual({ status: 'foreign' });
      expect(await sealer.unseal(name, { caseRef: 'case-2' })).toEqual({ status: 'ok', value: 'Piet' });
    });

    it('keeps an erased value erased, whichever case it is read for', async () => {
      const name = await sealer.seal('Jan de Vries', reporter);
      const story = await sealer.seal('what happened', narrative);
      await vault.shredSubject('reporter', 'r-1');
      expect(await sealer.unseal(name, { caseRef: 'case-1' })).toEqual({ status: 'erased' });
      expect(await sealer.unseal(name, { caseRef: 'case-2' })).toEqual({ status: 'erased' });
      await vault.shredCase('case-1');
      expect(await sealer.unseal(story, { caseRef: 'case-1' })).toEqual({ status: 'erased' });
    });

    it('shows a reader the value, or why it is withheld, never the content', async () => {
      expect(shown(await sealer.unseal(await sealer.seal('story', narrative), { caseRef: 'case-1' }))).toBe('story');
      expect(shown(await sealer.unseal(await sealer.seal('story', narrative), { caseRef: 'case-2' }))).toEqual({ refused: true });
      const name = await sealer.seal('Jan', reporter);
      await vault.shredSubject('reporter', 'r-1');
      expect(shown(await sealer.unseal(name, { caseRef: 'case-1' }))).toEqual({ erased: true });
    });

    it('still checks tampering and refuses a caseRef that is not an opaque id', async () => {
      const sealed = await sealer.seal('secret', narrative);
      await expect(sealer.unseal(flip(sealed, 4), { caseRef: 'case-1' })).rejects.toThrow(SealedValueTamperedError);
      await expect(sealer.unseal(sealed, { caseRef: '' })).rejects.toThrow(InvalidRefError);
      await expect(sealer.unseal(sealed, { caseRef: undefined as unknown as string })).rejects.toThrow(InvalidRefError);
    });
  });

  it('refuses what JSON cannot carry, without naming its contents', async () => {
    const cyclic: Record<string, unknown> = { name: 'Jan' };
    cyclic.self = cyclic;
    await expect(sealer.seal(cyclic, reporter)).rejects.toThrow(TypeError);
    await expect(sealer.seal(undefined as unknown as string, reporter)).rejects.toThrow('Only a string');
    await expect(sealer.seal(42 as unknown as string, reporter)).rejects.toThrow('Only a string');
  });
});
