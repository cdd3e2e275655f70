import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_ADDRESS_HEADER } from '../client-address.ts';
import { acceptFormOrigin } from './form-origin.ts';
import { passClientAddress } from './client-address.ts';
import { applySecurityHeaders, contentSecurityPolicy } from './security-headers.ts';
import { serveSiteIcon, SITE_ICON_SVG } from './site-icon.ts';
import { serveAsset } from './static-assets.ts';

// The pieces every web service's server is made of, over a real HTTP connection (the services' browser tests run
// them inside the real servers too).

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'web-kit-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'site-abc123.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not an asset type');
  writeFileSync(join(root, 'secret.css'), 'outside /assets/');
  server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site').pathname;
    applySecurityHeaders(
      res,
      { contentSecurityPolicy: contentSecurityPolicy(), referrerPolicy: 'no-referrer' },
      { cacheable: pathname.startsWith('/assets/') },
    );
    if (serveAsset(root, pathname, res)) return;
    if (serveSiteIcon(req.method, pathname, res)) return;
    if (pathname === '/address') {
      passClientAddress(req);
      res.writeHead(200).end(String(req.headers[CLIENT_ADDRESS_HEADER]));
      return;
    }
    res.writeHead(acceptFormOrigin(req) ? 404 : 403).end(String(req.headers.origin ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveSiteIcon', () => {
  it('answers the icon browsers ask for at /favicon.ico and the pages name, as SVG, and nothing else', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const icon = await send(path);
      expect(icon).toMatchObject({ status: 200, body: SITE_ICON_SVG });
      expect(icon.headers['content-type']).toBe('image/svg+xml');
      expect(icon.headers['cache-control']).toBe('public, max-age=86400');
    }
    expect((await send('/favicon.ico', { method: 'HEAD' })).body).toBe('');
    expect((await send('/favicon.ico', { method: 'POST' })).status).toBe(404);
    expect((await send('/favicon.png')).status).toBe(404);
  });
});

describe('serveAsset', () => {
  it('serves a built asset with its type and length, to be kept for good', async () => {
    const res = await send('/assets/site-abc123.css');
    expect(res.status).toBe(200);
    expect(res.body).toBe('body{}');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['a path climbing out of the assets', '/assets/..%2Fsecret.css'],
    ['an encoded climb out of the root', '/assets/%2e%2e/%2e%2e/etc/passwd'],
    ['a file of a type it does not serve', '/assets/notes.txt'],
    ['a missing file', '/assets/none.css'],
    ['a folder', '/assets/'],
    ['malformed percent-encoding', '/assets/%E0%A4%A.css'],
    ['a NUL byte', '/assets/site-abc123.css%00.css'],
  ])('leaves %s to the router', async (_, path) => {
    const res = await send(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside');
  });
});

describe('acceptFormOrigin', () => {
  it('refuses a form posted from another site', async () => {
    expect((await send('/form', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await send('/form', { method: 'POST', headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
  });

  it("accepts the site's own form and drops the opaque origin no-referrer makes the browser send", async () => {
    const res = await send('/form', { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', origin: 'null' } });
    expect(res.status).toBe(404);
    expect(res.body).toBe('');
  });

  it('accepts a real origin naming this host, refuses any other, and lets reads through', async () => {
    const own = base.replace('http://', '');
    const same = await send('/form', { method: 'POST', headers: { origin: `http://${own}` } });
    expect([same.status, same.body]).toEqual([404, `http://${own}`]);
    for (const origin of ['https://site.example', `http://${own}.evil.example`, 'not a url']) {
      expect((await send('/form', { method: 'POST', headers: { origin } })).status).toBe(403);
    }
    expect((await send('/page', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(404);
  });
});

describe('security headers', () => {
  it('sends a page the policy, the referrer policy, no caching and the common headers', async () => {
    const res = await send('/page');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('allows scripts only from the site, inline ones only with the nonce, and forms to the named origins', () => {
    const policy = contentSecurityPolicy({ scripts: { nonce: 'abc' }, formActions: ['https://issuer.example'] });
    expect(policy).toContain("script-src 'self' 'nonce-abc'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("form-action 'self' https://issuer.example");
    expect(contentSecurityPolicy({ scripts: {} })).toContain("script-src 'self';");
    expect(contentSecurityPolicy()).not.toContain('script-src');
  });
});

describe('passClientAddress', () => {
  it("hands the pages the socket's address, never the one the browser claims", async () => {
    expect((await send('/address')).body).toBe('127.0.0.1');
    expect((await send('/address', { headers: { [CLIENT_ADDRESS_HEADER]: '198.51.100.1' } })).body).toBe('127.0.0.1');
  });
});
