import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../fixtures/test-app';
import { SECURITY_HEADER_NAMES } from './security-headers.middleware';

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** The API's policy, directive by directive (helmet separates directives with `;` and no space). */
const API_CSP = {
  'default-src': "'none'",
  'frame-ancestors': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/** Helmet's further defaults, harmless for an API and kept. */
const HELMET_DEFAULTS = {
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const directives = (csp: string | undefined) =>
  Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

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
    expect(directives(res.headers['content-security-policy'])).toEqual(API_CSP);
    expect(res.headers).toMatchObject(HELMET_DEFAULTS);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('relax the Content-Security-Policy for the docs only', async () => {
    const res = await http().get('/docs').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(directives(csp)).toEqual({
      ...API_CSP,
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
    });
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('names every header it sets, so the idempotency store does not keep them', () => {
    for (const name of [...Object.keys(EXPECTED), 'content-security-policy', ...Object.keys(HELMET_DEFAULTS)]) {
      expect(SECURITY_HEADER_NAMES).toContain(name);
    }
  });
});
