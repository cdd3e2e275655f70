// What the benchmark's parts share: a fresh database per part, and a small deterministic generator.
import { Client } from 'pg';
import { withDatabase } from '../libs/testing/src/embedded-postgres';

/** A database of its own for one part of the benchmark, empty (dropped first if a run left it). */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

export { seededRandom as random } from '../libs/testing/src/seeded-random';
