import { NotFoundException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HttpRequest } from '../http-types';
import { toProblem } from './to-problem';
import request from 'supertest';
import { validReport } from '../fixtures/reports.dto';
import { CapturingLogger, createTestApp, postChunked } from '../fixtures/test-app';

const PROBLEM = /^application\/problem\+json/;
const CANARY = 'canary-51d2@leak.example';

describe('errors as problem+json', () => {
  let app: NestExpressApplication;
  const logger = new CapturingLogger();
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp({ logger, bodyLimit: '1kb' });
  });
  afterAll(() => app.close());

  it('answers an unknown route with a 404 problem', async () => {
    const res = await http().get('/nowhere/to/be/found?email=x').expect(404).expect('Content-Type', PROBLEM);
    expect(res.body).toEqual({
      type: 'https://vertrouwd.nl/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No route matches this method and path.',
      instance: `urn:uuid:${res.headers['x-correlation-id']}`,
      correlationId: res.headers['x-correlation-id'],
    });
  });

  it('names a route miss by its correlation id, not by the wildcard where module middleware was mounted', () => {
    const req = {
      method: 'GET',
      originalUrl: '/nowhere',
      route: { path: '{/*splat}' },
      correlationId: 'c0ffee00-0000-4000-8000-000000000000',
    };
    const { body } = toProblem(new NotFoundException('Cannot GET /nowhere'), req as unknown as HttpRequest);
    expect(body).toMatchObject({
      status: 404,
      detail: 'No route matches this method and path.',
      instance: `urn:uuid:${req.correlationId}`,
    });
  });

  it('answers a pool with no connection free in time with a 503 to retry shortly, not a 500', () => {
    const req = { method: 'GET', originalUrl: '/cases', route: { path: '/cases' }, correlationId: 'c0ffee00-0000-4000-8000-000000000000' };
    const answer = toProblem(new Error('timeout exceeded when trying to connect'), req as unknown as HttpRequest);
    expect(answer).toMatchObject({ status: 503, headers: { 'Retry-After': '1' }, body: { status: 503, instance: '/cases' } });
  });

  it('answers a method a path does not take with 405 and the methods it does take, and an unknown path still with 404', async () => {
    const res = await http().put('/reports/r-1').send({}).expect(405).expect('Content-Type', PROBLEM);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/method-not-allowed', status: 405 });
    expect((await http().delete('/reports').expect(405)).headers.allow).toBe('POST');
    await http().delete('/nowhere/at/all').expect(404);
    // A path the router did not match as sent is no route's, even if it would be once normalised.
    for (const path of ['//reports/r-1', '/x/../reports/r-1']) await http().put(path).send({}).expect(404);
  });

  it("keeps a handler's own 404 detail", async () => {
    const res = await http().get('/reports/r-2').expect(404).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/not-found', detail: 'Report not found' });
  });

  it('answers a wrong expected version with a 409 concurrent-modification problem', async () => {
    const res = await http().post('/reports/conflict').expect(409).expect('Content-Type', PROBLEM);
    const type = 'https://vertrouwd.nl/problems/concurrent-modification';
    expect(res.body).toMatchObject({ type, title: 'Concurrent modification', status: 409 });
    expect(res.text).not.toContain('report-r-1');
  });

  it('answers 429 with Retry-After', async () => {
    const res = await http().get('/reports/limited/now').expect(429).expect('Content-Type', PROBLEM).expect('Retry-After', '30');
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/too-many-requests', status: 429 });
  });

  it("keeps a guard's WWW-Authenticate challenge on a 401", async () => {
    const res = await http().get('/reports/guarded/challenge').expect(401).expect('Content-Type', PROBLEM);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/unauthorized', status: 401 });
  });

  it('answers a refusing guard and a ForbiddenException with 403 problems', async () => {
    const denied = await http().get('/reports/guarded/deny').expect(403).expect('Content-Type', PROBLEM);
    expect(denied.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/forbidden', status: 403 });
    const forbidden = await http().get('/reports/guarded/forbidden').expect(403);
    expect(forbidden.body.detail).toBe('Only the assigned advisor may read this report');
  });

  it('answers a body over the limit with a 413 problem, declared or streamed', async () => {
    const big = validReport({ title: 'x'.repeat(2_000) });
    const res = await http().post('/reports').send(big).expect(413).expect('Content-Type', PROBLEM);
    const detail = 'The request body exceeds the limit of 1024 bytes.';
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/payload-too-large', detail });
    await expect(postChunked(app, '/reports', JSON.stringify(big))).resolves.toBe(413);
  });

  it('answers a body that is not JSON with a 415 problem, before reading it', async () => {
    const res = await http().post('/reports').set('Content-Type', 'text/plain').send(CANARY).expect(415).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/unsupported-media-type', status: 415 });
    await http().post('/reports').set('Content-Type', 'application/x-www-form-urlencoded').send('a=1').expect(415);
    expect(res.text).not.toContain('canary');
  });

  it('refuses compressed and non-UTF-8 bodies with 415 problems', async () => {
    const gzip = await http().post('/reports').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{}');
    expect([gzip.status, gzip.body.type]).toEqual([415, 'https://vertrouwd.nl/problems/unsupported-media-type']);
    const latin1 = await http().post('/reports').set('Content-Type', 'application/json; charset=latin1').send('{}');
    expect([latin1.status, latin1.body.detail]).toEqual([415, 'The request body must be UTF-8 encoded JSON.']);
  });

  it('accepts a bodiless POST without a Content-Type', async () => {
    await http().post('/reports/r-1/acknowledge').expect(204);
  });

  it('answers an unexpected error with a generic 500 and logs the cause, not the body', async () => {
    const res = await http()
      .post('/reports/boom')
      .send(validReport({ title: CANARY, contact: { email: CANARY } }))
      .expect(500);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toEqual({
      type: 'https://vertrouwd.nl/problems/internal',
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred; quote the correlation id when reporting it.',
      instance: '/reports/boom',
      correlationId: res.headers['x-correlation-id'],
    });
    expect(res.text).not.toMatch(/canary|database|at \w|\.ts:/);
    const logged = logger.lines.filter((line) => line.includes(res.body.correlationId));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('POST /reports/boom');
    expect(logger.lines.join('\n')).toContain('Error: the database went away');
    expect(logger.lines.join('\n')).not.toContain('canary');
  });

  it("takes the caller's correlation id when it is a UUID, and replaces it otherwise", async () => {
    const given = '0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d';
    await http().get('/nowhere').set('X-Correlation-Id', given).expect('X-Correlation-Id', given);
    const res = await http().get('/nowhere').set('X-Correlation-Id', '<script>');
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
