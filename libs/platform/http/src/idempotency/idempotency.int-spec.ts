import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { Effects, Gate } from '../fixtures/reports.controller';
import { validReport } from '../fixtures/reports.dto';
import { createTestApp } from '../fixtures/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('Idempotency-Key on POST', () => {
  let db: TestDatabase;
  let pool: Pool;
  let app: INestApplication;
  let keys = 0;
  const newKey = () => `key-${Date.now()}-${++keys}`;
  const post = (path: string, key: string | undefined, body?: object) => {
    const req = request(app.getHttpServer()).post(path);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return body === undefined ? req : req.send(body);
  };
  const runs = (name: string) => app.get(Effects).runs.get(name) ?? 0;

  beforeAll(async () => {
    db = await createTestDatabase('http_idempotency');
    pool = new Pool({ connectionString: db.url });
    app = await createTestApp({ idempotency: { pool } });
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
    await db.drop();
  });

  it('replays the first answer to the same key and body, running the handler once', async () => {
    const key = newKey();
    const before = runs('create');
    const first = await post('/reports', key, validReport()).expect(201);
    const again = await post('/reports', key, { items: [{ quantity: 1, name: 'a' }], ...validReport() }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.headers.location).toBe('/reports/r-1');
    expect(again.headers['x-correlation-id']).not.toBe(first.headers['x-correlation-id']);
    expect(runs('create')).toBe(before + 1);
  });

  it('keeps only digests of the key and the path: a key that carries personal data is not in the table, and still replays', async () => {
    const key = `jan.jansen@example.org-${newKey()}`;
    const first = await post('/reports', key, validReport()).expect(201);
    const again = await post('/reports', key, validReport()).expect(201);
    expect([again.headers['idempotent-replayed'], again.body]).toEqual(['true', first.body]);
    const { rows } = await pool.query<{ key: string; scope: string }>('select key, scope from http_idempotency');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(/^[0-9a-f]{64}$/);
      expect(row.scope).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(JSON.stringify(rows)).not.toContain('jansen');
  });

  it('answers the same key with another body with a 422 problem, without running the handler', async () => {
    const key = newKey();
    await post('/reports', key, validReport()).expect(201);
    const before = runs('create');
    const res = await post('/reports', key, validReport({ title: 'Another report' }))
      .expect(422)
      .expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/idempotency-key-reused', status: 422 });
    expect(res.text).not.toContain('Another report');
    expect(runs('create')).toBe(before);
  });

  it('answers a duplicate while the first is in flight with a 409 problem, then replays', async () => {
    const gate = app.get(Gate);
    gate.reset();
    const key = newKey();
    const body = validReport({ title: 'Slow report' });
    const first = post('/reports/slow', key, body).then((res) => res);
    await gate.entered;
    const duplicate = await post('/reports/slow', key, body).expect(409).expect('Content-Type', PROBLEM).expect('Retry-After', '1');
    expect(duplicate.body.type).toBe('https://vertrouwd.nl/problems/idempotency-key-in-use');
    gate.open();
    expect((await first).status).toBe(201);
    const replay = await post('/reports/slow', key, body).expect(201).expect('Idempotent-Replayed', 'true');
    expect(replay.body).toEqual({ runs: 1 });
    expect(runs('slow Slow report')).toBe(1);
  });

  it('releases the key when the handler fails with a 5xx, so a retry runs', async () => {
    const key = newKey();
    await post('/reports/flaky', key, validReport()).expect(500);
    const retry = await post('/reports/flaky', key, validReport()).expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const replay = await post('/reports/flaky', key, validReport()).expect(201).expect('Idempotent-Replayed', 'true');
    expect(replay.body).toEqual(retry.body);
    expect(runs('flaky')).toBe(2);
  });

  it.each([
    ['a rejected command (422)', '/reports/rejected', 422, 'rejected'],
    ['a concurrent modification (409)', '/reports/conflict', 409, 'conflict'],
  ])('stores and replays %s', async (_, path, status, effect) => {
    const key = newKey();
    const before = runs(effect);
    const first = await post(path, key).expect(status);
    const replay = await post(path, key).expect(status).expect('Content-Type', PROBLEM).expect('Idempotent-Replayed', 'true');
    expect(replay.body).toEqual(first.body);
    expect(runs(effect)).toBe(before + 1);
  });

  it('does not keep an answer to invalid input, so the corrected request can use the key', async () => {
    const key = newKey();
    await post('/reports', key, validReport({ age: 'old' })).expect(400);
    const corrected = await post('/reports', key, validReport()).expect(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replays a bodiless answer', async () => {
    const key = newKey();
    await post('/reports/r-9/acknowledge', key).expect(204);
    await post('/reports/r-9/acknowledge', key).expect(204).expect('Idempotent-Replayed', 'true');
    expect(runs('acknowledge r-9')).toBe(1);
  });

  it('scopes keys by path and by the principal the auth guard identified', async () => {
    const key = newKey();
    await post('/reports/r-7/acknowledge', key).expect(204);
    await post('/reports/r-8/acknowledge', key)
      .expect(204)
      .expect((res) => expect(res.headers['idempotent-replayed']).toBeUndefined());
    await post('/reports/r-6/acknowledge', key).set('X-Test-Sub', 'advisor-1').expect(204);
    await post('/reports/r-6/acknowledge', key).set('X-Test-Sub', 'advisor-2').expect(204);
    expect([runs('acknowledge r-7'), runs('acknowledge r-8'), runs('acknowledge r-6')]).toEqual([1, 1, 2]);
  });

  it('runs every request without a key', async () => {
    const before = runs('create');
    await post('/reports', undefined, validReport()).expect(201);
    await post('/reports', undefined, validReport()).expect(201);
    expect(runs('create')).toBe(before + 2);
  });

  it('is documented on every POST of /openapi.json', async () => {
    const { body } = await request(app.getHttpServer()).get('/openapi.json').expect(200);
    const create = body.paths['/reports'].post;
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['409', '422']));
  });

  it.each([
    ['too long', 'k'.repeat(201)],
    ['with a space', 'two words'],
    ['empty', ''],
  ])('answers a key that is %s with a 400 problem naming the header', async (_, key) => {
    const before = runs('create');
    const res = await post('/reports', key, validReport()).expect(400).expect('Content-Type', PROBLEM);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'idempotencyKeyFormat' })]);
    expect(runs('create')).toBe(before);
  });
});
