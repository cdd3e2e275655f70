import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { Pool } from 'pg';
import { failingChecks, postgresCheck } from './health-check';

describe('postgresCheck', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('http_health');
    pool = new Pool({ connectionString: db.url });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('passes against a reachable database', async () => {
    await expect(failingChecks([postgresCheck(pool)], 2_000)).resolves.toEqual([]);
  });

  it('fails against an unreachable one', async () => {
    const unreachable = new Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    try {
      const failing = await failingChecks([postgresCheck(unreachable, 'database')], 2_000);
      expect(failing.map(({ name }) => name)).toEqual(['database']);
    } finally {
      await unreachable.end();
    }
  });
});
