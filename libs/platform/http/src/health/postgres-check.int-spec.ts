import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createTestApp } from '../fixtures/test-app';
import { postgresCheck } from './health-check';

describe('postgresCheck', () => {
  let db: TestDatabase;
  let pool: Pool;
  const ready = async (check: ReturnType<typeof postgresCheck>) => {
    const app: NestExpressApplication = await createTestApp({ healthChecks: [check] });
    try {
      return await request(app.getHttpServer()).get('/health/ready');
    } finally {
      await app.close();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('http_health');
    pool = new Pool({ connectionString: db.url });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('passes against a reachable database', async () => {
    const res = await ready(postgresCheck(pool));
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual([{ name: 'database', status: 'up' }]);
  });

  it('fails against an unreachable one', async () => {
    const unreachable = new Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    try {
      const res = await ready(postgresCheck(unreachable, 'database'));
      expect(res.status).toBe(503);
      expect(res.body.checks).toEqual([{ name: 'database', status: 'down' }]);
    } finally {
      await unreachable.end();
    }
  });
});
