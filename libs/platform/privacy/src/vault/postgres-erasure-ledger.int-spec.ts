import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { createPrivacy, type Privacy } from '../create-privacy';
import { loadMasterKey } from '../keys/load-master-key';
import { FileErasureLedger } from './erasure-ledger';
import { caseKey, subjectKey } from './key-ref';
import { ErasureLedgers, PostgresErasureLedger } from './postgres-erasure-ledger';

// Production's erasure ledger: a PostgreSQL database of its own that every replica of every shredding service writes
// to before it shreds, and that a restore reads (ADR 0055).
describe('the erasure ledger on a PostgreSQL server of its own', () => {
  let vault: TestDatabase;
  let ledgerDb: TestDatabase;
  let dir: string;
  let pool: Pool;
  const ledgers: PostgresErasureLedger[] = [];
  const opened: Privacy[] = [];
  const open = async (erasureLedger: ConstructorParameters<typeof ErasureLedgers>[0][number]) => {
    const privacy = await createPrivacy({
      pool,
      wrapper: loadMasterKey({ env: {}, file: join(dir, 'master.key') }).wrapper,
      erasureLedger,
    });
    opened.push(privacy);
    return privacy;
  };
  const ledgerAt = (url: string) => {
    const ledger = new PostgresErasureLedger(url);
    ledgers.push(ledger);
    return ledger;
  };
  async function sql(text: string): Promise<void> {
    const client = new Client({ connectionString: ledgerDb.url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    vault = await createTestDatabase('ledger_vault');
    ledgerDb = await createTestDatabase('ledger_server');
    dir = mkdtempSync(join(tmpdir(), 'pg-erasure-ledger-'));
    pool = new Pool({ connectionString: vault.url, max: 16 }); // each vault opened holds one for its shred watcher
  });
  afterAll(async () => {
    for (const privacy of opened) await privacy.close();
    for (const ledger of ledgers) await ledger.close();
    await pool.end();
    await vault.drop();
    await ledgerDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads as empty before anything was erased (the table not even made yet)', async () => {
    expect(await PostgresErasureLedger.read(ledgerDb.url)).toEqual([]);
  });

  it('writes down every shred of every replica, in order, with opaque refs only', async () => {
    const one = await open(ledgerAt(ledgerDb.url));
    const two = await open(ledgerAt(ledgerDb.url)); // another replica, sharing no disk with the first
    await one.sealer.seal('Jan de Vries', subjectKey('reporter', 'r-1', 'case-1'));
    await one.vault.shredCase('case-1');
    await two.vault.shredSubject('witness', 'w-9');
    await two.pseudonymizer.pseudonym('audit-1', 'advisor-1');
    await two.pseudonymizer.endAudit('audit-1');

    const erasures = await PostgresErasureLedger.read(ledgerDb.url);
    expect(erasures).toEqual([
      { scope: 'case', caseRef: 'case-1', at: expect.any(String) },
      { scope: 'subject', subjectKind: 'witness', subjectRef: 'w-9', at: expect.any(String) },
      { scope: 'audit', auditId: 'audit-1', at: expect.any(String) },
    ]);
    expect(JSON.stringify(erasures)).not.toContain('Jan');
  });

  it('cannot be edited: an update, a delete or a truncate is refused, so no erasure can be made forgotten', async () => {
    for (const statement of ["update erasure_ledger set ref = 'other'", 'delete from erasure_ledger', 'truncate erasure_ledger']) {
      await expect(sql(statement)).rejects.toThrow('the erasure ledger is append-only');
    }
    expect(await PostgresErasureLedger.read(ledgerDb.url)).toHaveLength(3);
  });

  it('shreds nothing when the ledger server cannot be reached: the content still decrypts and can be erased later', async () => {
    const working = await open(ledgerAt(ledgerDb.url));
    const story = await working.sealer.seal('kept', caseKey('case-2'));
    const unreachable = await open(ledgerAt('postgres://erasures:erasures@127.0.0.1:9/vertrouwd_erasures'));
    await expect(unreachable.vault.shredCase('case-2')).rejects.toThrow();
    expect(await working.sealer.unseal(story)).toEqual({ status: 'ok', value: 'kept' });
    expect(await PostgresErasureLedger.read(ledgerDb.url)).toHaveLength(3);

    await working.vault.shredCase('case-2');
    expect(await working.sealer.unseal(story)).toEqual({ status: 'erased' });
    expect((await PostgresErasureLedger.read(ledgerDb.url)).at(-1)).toEqual({ scope: 'case', caseRef: 'case-2', at: expect.any(String) });
  });

  it('with a file as well (moving from one to the other), writes each erasure to both', async () => {
    const file = new FileErasureLedger(join(dir, 'erasures.log'));
    const both = await open(new ErasureLedgers([file, ledgerAt(ledgerDb.url)]));
    await both.vault.shredCase('case-5');
    expect(FileErasureLedger.read(file.file)).toEqual([{ scope: 'case', caseRef: 'case-5', at: expect.any(String) }]);
    expect((await PostgresErasureLedger.read(ledgerDb.url)).at(-1)).toEqual({ scope: 'case', caseRef: 'case-5', at: expect.any(String) });
  });

  it('refuses to write down an erasure whose ref is not an opaque id (a name would be kept forever)', async () => {
    const ledger = ledgerAt(ledgerDb.url);
    await expect(ledger.record({ scope: 'case', caseRef: 'Jan de Vries', at: new Date().toISOString() })).rejects.toThrow();
    expect(JSON.stringify(await PostgresErasureLedger.read(ledgerDb.url))).not.toContain('Jan');
  });
});
