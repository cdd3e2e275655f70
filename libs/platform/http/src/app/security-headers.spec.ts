import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../fixtures/test-app';

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

describe('security headers', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it.each([
    ['a successful answer', () => http().get('/reports/r-1'), 200],
    ['an unknown route', () => http().get('/nowhere'), 404],
    ['a refused body', () => http().post('/reports').set('Content-Type', 'text/plain').send('x'), 415],
    ['a health probe', () => http().get('/health/live'), 200],
  ])('are on %s, and X-Powered-By is not', async (_, send, status) => {
    const res = await send().expect(status);
    expect(res.headers).toMatchObject(EXPECTED);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('relax the Content-Security-Policy for the docs only', async () => {
    const res = await http().get('/docs').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
