import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { createPrivacy, type Privacy } from './create-privacy';
import { AlreadyShreddedError } from './errors';
import { loadMasterKey } from './keys/load-master-key';
import type { Sealed } from './sealing/sealed-format';
import { caseKey, subjectKey } from './vault/key-ref';

/** One "process": its own pool and privacy services, the master key from the embedded default's file. */
class Process {
  private constructor(
    readonly pool: Pool,
    readonly privacy: Privacy,
  ) {}

  static async start(url: string, keyFile: string): Promise<Process> {
    const pool = new Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined);
    return new Process(pool, await createPrivacy({ pool, wrapper: loadMasterKey({ env: {}, file: keyFile }).wrapper }));
  }

  async stop(): Promise<void> {
    await this.privacy.close();
    await this.pool.end();
  }
}

describe('crypto-shredding', () => {
  let db: TestDatabase;
  let dataDir: string;
  let process: Process;
  const sealed: Record<string, Sealed> = {};
  const read = (name: string) => process.privacy.sealer.unseal(sealed[name]);
  const ok = (value: unknown) => ({ status: 'ok', value });
  const erased = { status: 'erased' };

  beforeAll(async () => {
    db = await createTestDatabase('privacy_shred');
    dataDir = mkdtempSync(join(tmpdir(), 'privacy-data-'));
    process = await Process.start(db.url, join(dataDir, 'privacy', 'master.key'));
    const { sealer } = process.privacy;
    // Case 1: a reporter, an accused, a witness and the narrative. The witness also appears in case 2.
    sealed.reporter = await sealer.seal({ name: 'Jan de Vries', phone: '+31 6 12345678' }, subjectKey('reporter', 'r-1', 'case-1'));
    sealed.accused = await sealer.seal('Piet Jansen, teamleider', subjectKey('accused', 'a-1', 'case-1'));
    sealed.witness = await sealer.seal('Klaas saw it happen', subjectKey('witness', 'w-1', 'case-1'));
    sealed.story = await sealer.seal('Repeated remarks in team meetings', caseKey('case-1'));
    sealed.witnessElsewhere = await sealer.seal('Klaas, in another matter', subjectKey('witness', 'w-1', 'case-2'));
    sealed.otherStory = await sealer.seal('Another case', caseKey('case-2'));
    sealed.otherReporter = await sealer.seal('Marie', subjectKey('reporter', 'r-2', 'case-2'));
  });
  afterAll(async () => {
    await process.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads everything before any shred', async () => {
    expect(await read('reporter')).toEqual(ok({ name: 'Jan de Vries', phone: '+31 6 12345678' }));
    expect(await read('story')).toEqual(ok('Repeated remarks in team meetings'));
  });

  it('shredding a subject erases what every case holds about them, and nothing else', async () => {
    expect(await process.privacy.vault.shredSubject('witness', 'w-1')).toEqual({ keys: 2 });
    expect(await read('witness')).toEqual(erased);
    expect(await read('witnessElsewhere')).toEqual(erased);
    expect(await read('accused')).toEqual(ok('Piet Jansen, teamleider'));
    expect(await read('story')).toEqual(ok('Repeated remarks in team meetings'));
  });

  it('leaves nothing in the vault that could bring the key back', async () => {
    const { rows } = await process.pool.query("select wrapped_key, wrapped_by, shredded_at from privacy_keys where subject_ref = 'w-1'");
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ wrapped_key: null, wrapped_by: null, shredded_at: expect.any(Date) });
  });

  it('never gives an erased subject a new key, in any case', async () => {
    const { sealer } = process.privacy;
    await expect(sealer.seal('again', subjectKey('witness', 'w-1', 'case-1'))).rejects.toThrow(AlreadyShreddedError);
    await expect(sealer.seal('again', subjectKey('witness', 'w-1', 'case-3'))).rejects.toThrow(AlreadyShreddedError);
    expect(await process.privacy.vault.shredSubject('witness', 'w-1')).toEqual({ keys: 0 });
  });

  it('shredding a case erases its narrative and all its subjects, not other cases', async () => {
    expect(await process.privacy.vault.shredCase('case-1')).toEqual({ keys: 3 });
    for (const name of ['reporter', 'accused', 'witness', 'story']) expect(await read(name)).toEqual(erased);
    expect(await read('otherStory')).toEqual(ok('Another case'));
    expect(await read('otherReporter')).toEqual(ok('Marie'));
  });

  it('never gives an erased case a new key, not even for a subject new to it', async () => {
    const { sealer } = process.privacy;
    await expect(sealer.seal('again', caseKey('case-1'))).rejects.toThrow(AlreadyShreddedError);
    await expect(sealer.seal('new', subjectKey('witness', 'w-new', 'case-1'))).rejects.toThrow(AlreadyShreddedError);
  });

  it('keeps a case or subject shredded before it had keys shredded', async () => {
    const { sealer, vault } = process.privacy;
    expect(await vault.shredCase('case-never-sealed')).toEqual({ keys: 0 });
    expect(await vault.shredSubject('accused', 'a-never-sealed')).toEqual({ keys: 0 });
    await expect(sealer.seal('x', caseKey('case-never-sealed'))).rejects.toThrow(AlreadyShreddedError);
    await expect(sealer.seal('x', subjectKey('accused', 'a-never-sealed', 'case-2'))).rejects.toThrow(AlreadyShreddedError);
  });

  it('after a restart (same database, same key file) the erased stay erased and the rest still reads', async () => {
    await process.stop();
    process = await Process.start(db.url, join(dataDir, 'privacy', 'master.key'));
    for (const name of ['reporter', 'accused', 'witness', 'story', 'witnessElsewhere']) expect(await read(name)).toEqual(erased);
    expect(await read('otherStory')).toEqual(ok('Another case'));
    expect(await read('otherReporter')).toEqual(ok('Marie'));
    await expect(process.privacy.sealer.seal('x', caseKey('case-1'))).rejects.toThrow(AlreadyShreddedError);
    expect(await process.privacy.sealer.unseal(await process.privacy.sealer.seal('more', caseKey('case-2')))).toEqual(ok('more'));
  });
});
