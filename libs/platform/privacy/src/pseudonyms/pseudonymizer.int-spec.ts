import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { createPrivacy, type Privacy } from '../create-privacy';
import { AuditEndedError } from '../errors';
import { MasterKeyWrapper } from '../keys/master-key-wrapper';

describe('Pseudonymizer', () => {
  const masterKey = randomBytes(32);
  let db: TestDatabase;
  const running: { pool: Pool; privacy: Privacy }[] = [];

  async function start(): Promise<Privacy> {
    const pool = new Pool({ connectionString: db.url, max: 4 });
    const privacy = await createPrivacy({ pool, wrapper: new MasterKeyWrapper(masterKey) });
    running.push({ pool, privacy });
    return privacy;
  }

  async function stop(privacy: Privacy): Promise<void> {
    const at = running.findIndex((r) => r.privacy === privacy);
    const { pool } = running.splice(at, 1)[0];
    await privacy.close();
    await pool.end();
  }

  beforeAll(async () => {
    db = await createTestDatabase('privacy_pseudonyms');
  });
  afterAll(async () => {
    for (const { privacy } of [...running]) await stop(privacy);
    await db.drop();
  });

  it('is stable within an audit and different across audits', async () => {
    const { pseudonymizer } = await start();
    const inFirst = await pseudonymizer.pseudonym('audit-1', 'advisor-17');
    expect(inFirst).toMatch(/^actor-[0-9a-f]{12}$/);
    expect(await pseudonymizer.pseudonym('audit-1', 'advisor-17')).toBe(inFirst);
    expect(await pseudonymizer.pseudonym('audit-1', 'advisor-18')).not.toBe(inFirst);
    expect(await pseudonymizer.pseudonym('audit-2', 'advisor-17')).not.toBe(inFirst);
  });

  it('agrees across processes starting an audit at once, and survives a restart', async () => {
    const [a, b] = [await start(), await start()];
    const names = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).pseudonymizer.pseudonym('audit-shared', 'coordinator-3')),
    );
    expect(new Set(names).size).toBe(1);
    await stop(a);
    await stop(b);
    const restarted = await start();
    expect(await restarted.pseudonymizer.pseudonym('audit-shared', 'coordinator-3')).toBe(names[0]);
  });

  it('stores the secret wrapped, never in the clear', async () => {
    const { pseudonymizer } = await start();
    await pseudonymizer.pseudonym('audit-stored', 'advisor-1');
    const { rows } = await running[0].pool.query(
      "select wrapped_secret, wrapped_by from privacy_audit_secrets where audit_id = 'audit-stored'",
    );
    expect(rows[0].wrapped_secret).toHaveLength(12 + 32 + 16);
    expect(rows[0].wrapped_by).toBe(new MasterKeyWrapper(masterKey).keyId);
  });

  it('ending an audit shreds its secret, for every process', async () => {
    const [a, b] = [await start(), await start()];
    await b.pseudonymizer.pseudonym('audit-ending', 'advisor-1');
    await a.pseudonymizer.endAudit('audit-ending');
    await expect(a.pseudonymizer.pseudonym('audit-ending', 'advisor-1')).rejects.toThrow(AuditEndedError);
    await eventually(() => expect(b.pseudonymizer.pseudonym('audit-ending', 'advisor-1')).rejects.toThrow(AuditEndedError));
    await a.pseudonymizer.endAudit('audit-never-started');
    await expect(a.pseudonymizer.pseudonym('audit-never-started', 'x')).rejects.toThrow(AuditEndedError);
  });
});
