import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from './embedded-postgres';

/** Set by the Jest global setup: the admin URL of the run's one embedded PostgreSQL. */
export const TEST_POSTGRES_URL_ENV = 'VERTROUWD_TEST_POSTGRES_URL';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh, empty database on the test run's embedded PostgreSQL (one per suite).
 * Call in `beforeAll`, drop in `afterAll`.
 */
export async function createTestDatabase(label = 'suite'): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_POSTGRES_URL_ENV];
  if (!adminUrl) {
    throw new Error(`${TEST_POSTGRES_URL_ENV} is not set: run tests through the root Jest config (npm test).`);
  }
  const name = `t_${label
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
