import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { createPrivacy, type Privacy } from '../create-privacy';
import { MasterKeyMismatchError } from '../errors';
import { MasterKeyWrapper } from '../keys/master-key-wrapper';
import { RotatingKeyWrapper } from '../keys/rotating-key-wrapper';
import type { KeyWrapper } from '../keys/key-wrapper.port';
import type { Sealed } from '../sealing/sealed-format';
import { caseKey, subjectKey } from './key-ref';
import { rewrapVault, wrappedByOthers } from './rewrap';

const masterKey = () => new MasterKeyWrapper(randomBytes(32));

describe('rotating the master key: every live key wrapped again, shredded ones left shredded', () => {
  let db: TestDatabase;
  let pool: Pool;
  const open: Privacy[] = [];
  const A = masterKey();
  const B = masterKey();
  const sealed: Record<string, Sealed> = {};
  let pseudonymBefore: string;

  const privacyWith = async (wrapper: KeyWrapper): Promise<Privacy> => {
    const privacy = await createPrivacy({ pool, wrapper, cacheTtlMs: 0 });
    open.push(privacy);
    return privacy;
  };
  const wrappedBy = async () =>
    (await pool.query<{ wrapped_by: string | null; live: boolean }>('select wrapped_by, wrapped_key is not null as live from privacy_keys'))
      .rows;

  beforeAll(async () => {
    db = await createTestDatabase('privacy_rewrap');
    pool = new Pool({ connectionString: db.url, max: 4 });
    const privacy = await privacyWith(A);
    sealed.story = await privacy.sealer.seal('Repeated remarks in team meetings', caseKey('case-1'));
    sealed.reporter = await privacy.sealer.seal({ name: 'Jan de Vries' }, subjectKey('reporter', 'r-1', 'case-1'));
    sealed.erased = await privacy.sealer.seal('Marie, who asked to be erased', subjectKey('reporter', 'r-2', 'case-2'));
    sealed.otherStory = await privacy.sealer.seal('Another case', caseKey('case-2'));
    // More keys than one batch, so the rotation goes in several.
    for (let i = 0; i < 7; i += 1) sealed[`extra-${i}`] = await privacy.sealer.seal(`note ${i}`, caseKey(`case-x${i}`));
    await privacy.vault.shredSubject('reporter', 'r-2');
    pseudonymBefore = await privacy.pseudonymizer.pseudonym('audit-1', 'advisor-anna');
  });

  afterAll(async () => {
    for (const privacy of open) await privacy.close();
    await pool.end();
    await db.drop();
  });

  it('during the rotation a process holding the new key and the old one reads keys wrapped by either, and makes new ones with the new', async () => {
    const rotating = await privacyWith(new RotatingKeyWrapper(B, [A]));
    await expect(rotating.sealer.unseal(sealed.story)).resolves.toEqual({ status: 'ok', value: 'Repeated remarks in team meetings' });
    sealed.during = await rotating.sealer.seal('Written during the rotation', caseKey('case-3'));
    const rows = await wrappedBy();
    expect(rows.filter((r) => r.wrapped_by === B.keyId)).toHaveLength(1);
    expect(rows.filter((r) => r.wrapped_by === A.keyId && r.live)).toHaveLength(10);
  });

  it('wraps every live key and audit secret again with the new key, in batches; a shredded key stays shredded', async () => {
    const shreddedBefore = (await wrappedBy()).filter((r) => !r.live).length;
    expect(shreddedBefore).toBe(1);
    const result = await rewrapVault(pool, new RotatingKeyWrapper(B, [A]), { batchSize: 4 });
    expect(result).toEqual({ keys: 10, auditSecrets: 1, from: A.keyId, to: B.keyId });
    const rows = await wrappedBy();
    expect(rows.filter((r) => r.live).every((r) => r.wrapped_by === B.keyId)).toBe(true);
    expect(rows.filter((r) => !r.live)).toHaveLength(shreddedBefore);
    expect(await wrappedByOthers(pool, B.keyId)).toBe(0);
    // Again: nothing left to do.
    await expect(rewrapVault(pool, new RotatingKeyWrapper(B, [A]))).resolves.toMatchObject({ keys: 0, auditSecrets: 0, from: B.keyId });
  });

  it('then the new key alone reads every live value and pseudonym; the erased value stays erased', async () => {
    const onlyB = await privacyWith(B);
    await expect(onlyB.sealer.unseal(sealed.story)).resolves.toEqual({ status: 'ok', value: 'Repeated remarks in team meetings' });
    await expect(onlyB.sealer.unseal(sealed.reporter)).resolves.toEqual({ status: 'ok', value: { name: 'Jan de Vries' } });
    await expect(onlyB.sealer.unseal(sealed.during)).resolves.toEqual({ status: 'ok', value: 'Written during the rotation' });
    await expect(onlyB.sealer.unseal(sealed['extra-6'])).resolves.toEqual({ status: 'ok', value: 'note 6' });
    await expect(onlyB.sealer.unseal(sealed.erased)).resolves.toEqual({ status: 'erased' });
    await expect(onlyB.pseudonymizer.pseudonym('audit-1', 'advisor-anna')).resolves.toBe(pseudonymBefore);
  });

  it('and the old key opens nothing any more: the vault names the new one, and no key is wrapped by the old', async () => {
    await expect(createPrivacy({ pool, wrapper: A })).rejects.toBeInstanceOf(MasterKeyMismatchError);
    const { rows } = await pool.query<{ n: string }>('select count(*) as n from privacy_keys where wrapped_by = $1', [A.keyId]);
    expect(Number(rows[0].n)).toBe(0);
  });

  it("refuses another vault's key: a wrapper that holds neither the vault's key nor the keys' changes nothing", async () => {
    const C = masterKey();
    const before = await pool.query('select key_id, wrapped_key, wrapped_by from privacy_keys order by key_id');
    await expect(rewrapVault(pool, new RotatingKeyWrapper(C, [A]))).rejects.toBeInstanceOf(MasterKeyMismatchError);
    const after = await pool.query('select key_id, wrapped_key, wrapped_by from privacy_keys order by key_id');
    expect(after.rows).toEqual(before.rows);
  });
});

describe('a rotation that meets a key wrapped by a master key it does not hold', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('privacy_rewrap_unknown');
    pool = new Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('stops with MasterKeyMismatchError and leaves that batch as it was', async () => {
    const A = masterKey();
    const B = masterKey();
    const privacy = await createPrivacy({ pool, wrapper: A });
    await privacy.sealer.seal('one', caseKey('case-1'));
    await privacy.close();
    // A key someone wrapped by hand with a master key nobody holds now.
    await pool.query(`update privacy_keys set wrapped_by = 'master:0000000000000000'`);
    const before = await pool.query('select wrapped_key, wrapped_by from privacy_keys');
    await expect(rewrapVault(pool, new RotatingKeyWrapper(B, [A]))).rejects.toBeInstanceOf(MasterKeyMismatchError);
    expect((await pool.query('select wrapped_key, wrapped_by from privacy_keys')).rows).toEqual(before.rows);
  });
});
