import { Client } from 'pg';
import { createTestDatabase } from './test-database';

describe('createTestDatabase', () => {
  it("gives each suite its own empty database on the run's embedded PostgreSQL", async () => {
    const [a, b] = await Promise.all([createTestDatabase('a'), createTestDatabase('b')]);
    try {
      expect(a.name).not.toBe(b.name);
      const client = new Client({ connectionString: a.url });
      await client.connect();
      const { rows } = await client.query<{ version: string; tables: string }>(
        "select current_setting('server_version') as version, (select count(*) from pg_tables where schemaname = 'public') as tables",
      );
      await client.end();
      expect(Number(rows[0].version.split('.')[0])).toBeGreaterThanOrEqual(16);
      expect(rows[0].tables).toBe('0');
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
