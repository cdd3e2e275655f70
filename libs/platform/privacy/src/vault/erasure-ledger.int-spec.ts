import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { createPrivacy, type Privacy } from '../create-privacy';
import { AlreadyShreddedError, AuditEndedError } from '../errors';
import { loadMasterKey } from '../keys/load-master-key';
import { reapplyErasures } from '../reapply-erasures';
import { FileErasureLedger, type Erasure, type ErasureLedger } from './erasure-ledger';
import { caseKey, subjectKey } from './key-ref';

describe('the erasure ledger', () => {
  let db: TestDatabase;
  let dir: string;
  let pool: Pool;
  let ledger: FileErasureLedger;
  let privacy: Privacy;
  const open = (erasureLedger?: ErasureLedger) =>
    createPrivacy({ pool, wrapper: loadMasterKey({ env: {}, file: join(dir, 'master.key') }).wrapper, erasureLedger });

  beforeAll(async () => {
    db = await createTestDatabase('erasure_ledger');
    dir = mkdtempSync(join(tmpdir(), 'erasure-ledger-'));
    pool = new Pool({ connectionString: db.url, max: 4 });
    ledger = new FileErasureLedger(join(dir, 'privacy', 'erasures.log'));
    privacy = await open(ledger);
  });
  afterAll(async () => {
    await privacy.close();
    await pool.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes down every shred (case, subject, audit) with opaque refs only, in a file only its owner reads', async () => {
    await privacy.sealer.seal('Jan de Vries', subjectKey('reporter', 'r-1', 'case-1'));
    await privacy.vault.shredCase('case-1');
    await privacy.vault.shredSubject('witness', 'w-9');
    await privacy.pseudonymizer.pseudonym('audit-1', 'advisor-1');
    await privacy.pseudonymizer.endAudit('audit-1');

    expect(FileErasureLedger.read(ledger.file)).toEqual([
      { scope: 'case', caseRef: 'case-1', at: expect.any(String) },
      { scope: 'subject', subjectKind: 'witness', subjectRef: 'w-9', at: expect.any(String) },
      { scope: 'audit', auditId: 'audit-1', at: expect.any(String) },
    ]);
    expect(readFileSync(ledger.file, 'utf8')).not.toContain('Jan');
    expect(statSync(ledger.file).mode & 0o077).toBe(0);
  });

  it('shreds nothing when the ledger cannot write the erasure down', async () => {
    const story = await privacy.sealer.seal('kept', caseKey('case-2'));
    const failing = await open({ record: () => Promise.reject(new Error('disk full')) });
    try {
      await expect(failing.vault.shredCase('case-2')).rejects.toThrow('disk full');
    } finally {
      await failing.close();
    }
    expect(await privacy.sealer.unseal(story)).toEqual({ status: 'ok', value: 'kept' });
  });

  it('re-applied to a vault that still holds the keys (an older copy), shreds them again and keeps them shredded', async () => {
    const story = await privacy.sealer.seal('Repeated remarks', caseKey('case-3'));
    const witness = await privacy.sealer.seal('Klaas', subjectKey('witness', 'w-3', 'case-4'));
    await privacy.pseudonymizer.pseudonym('audit-3', 'advisor-1');
    const later: Erasure[] = [
      { scope: 'case', caseRef: 'case-3', at: new Date().toISOString() },
      { scope: 'subject', subjectKind: 'witness', subjectRef: 'w-3', at: new Date().toISOString() },
      { scope: 'audit', auditId: 'audit-3', at: new Date().toISOString() },
      { scope: 'case', caseRef: 'case-3', at: new Date().toISOString() },
    ];
    const restored = await open(); // re-applying writes nothing down again
    try {
      expect(await reapplyErasures(restored, later)).toEqual({ erasures: 3, keys: 2 });
      expect(await reapplyErasures(restored, later)).toEqual({ erasures: 3, keys: 0 });
    } finally {
      await restored.close();
    }
    expect(await privacy.sealer.unseal(story)).toEqual({ status: 'erased' });
    expect(await privacy.sealer.unseal(witness)).toEqual({ status: 'erased' });
    await expect(privacy.sealer.seal('again', caseKey('case-3'))).rejects.toThrow(AlreadyShreddedError);
    await expect(privacy.pseudonymizer.pseudonym('audit-3', 'advisor-1')).rejects.toThrow(AuditEndedError);
    expect(FileErasureLedger.read(ledger.file)).toHaveLength(3);
  });

  it('skips a last line a crash cut short, and refuses a ledger with any other line that is not an erasure', () => {
    const file = join(dir, 'torn.log');
    writeFileSync(file, `${JSON.stringify({ scope: 'case', caseRef: 'c-1', at: new Date().toISOString() })}\n{"scope":"ca`);
    expect(FileErasureLedger.read(file)).toEqual([{ scope: 'case', caseRef: 'c-1', at: expect.any(String) }]);
    appendFileSync(file, '\n');
    expect(() => FileErasureLedger.read(file)).toThrow('Line 2 of the erasure ledger');
    writeFileSync(file, `${JSON.stringify({ scope: 'case', caseRef: 'Jan de Vries', at: new Date().toISOString() })}\n`);
    expect(() => FileErasureLedger.read(file)).toThrow('Line 1');
    expect(FileErasureLedger.read(join(dir, 'missing.log'))).toEqual([]);
  });
});
