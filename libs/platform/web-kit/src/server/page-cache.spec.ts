import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { PageCache } from './page-cache.ts';

// The page cache in front of a site's pages, over a real HTTP connection. `render` stands for React Router's handler:
// it counts its calls and answers what the test asks of it (a page, a cookie, a failure).

let server: Server;
let base: string;
let now = 0;
let renders: string[] = [];
let answer: (url: URL) => Response | Promise<Response> = () => new Response('page');
const cache = new PageCache(
  async (request) => {
    const url = new URL(request.url);
    renders.push(url.pathname);
    return answer(url);
  },
  { matches: (pathname) => /^\/[^/]+(\/[^/]+)?$/.test(pathname), seconds: 5, maxEntries: 2 },
  () => now,
);

beforeAll(async () => {
  server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site').pathname;
    res.setHeader('Cache-Control', 'no-store'); // as applySecurityHeaders does before
    const key = cache.keyOf(req, pathname);
    if (key !== undefined) void cache.serve(req, res, key);
    else res.writeHead(200, { 'x-rendered-for': 'one visitor' }).end('own page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  renders = [];
  now += 60_000; // nothing kept from the test before
  answer = (url) => new Response(`page ${url.pathname}`, { headers: { 'content-type': 'text/html; charset=utf-8' } });
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

describe('the page cache', () => {
  it('renders a public page once for every visitor within its seconds, then again', async () => {
    const first = await send('/bakkerij-2026/nl');
    const second = await send('/bakkerij-2026/nl');
    expect([first.status, first.body, second.body]).toEqual([200, 'page /bakkerij-2026/nl', 'page /bakkerij-2026/nl']);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['cache-control']).toBe('no-store'); // the site's own headers still on every answer
    expect(renders).toEqual(['/bakkerij-2026/nl']);
    now += 4_999;
    await send('/bakkerij-2026/nl');
    expect(renders).toHaveLength(1);
    now += 1;
    await send('/bakkerij-2026/nl');
    expect(renders).toHaveLength(2);
  });

  it('keeps each address apart (another language, another organisation)', async () => {
    expect((await send('/bakkerij-2026/ar')).body).toBe('page /bakkerij-2026/ar');
    expect((await send('/bakkerij-2026/nl')).body).toBe('page /bakkerij-2026/nl');
    expect((await send('/garage-2026/nl')).body).toBe('page /garage-2026/nl');
    expect(renders).toEqual(['/bakkerij-2026/ar', '/bakkerij-2026/nl', '/garage-2026/nl']);
  });

  it('lets visitors who arrive together share one rendering', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    answer = async (url) => {
      await gate;
      return new Response(`page ${url.pathname}`);
    };
    const waiting = Array.from({ length: 10 }, () => send('/bakkerij-2026/nl'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(new Set((await Promise.all(waiting)).map((r) => r.body))).toEqual(new Set(['page /bakkerij-2026/nl']));
    expect(renders).toHaveLength(1);
  });

  it("never answers from it a visitor with a cookie or a sign-in, a query, a form's post or another page", async () => {
    await send('/bakkerij-2026/nl'); // kept
    for (const [path, options] of [
      ['/bakkerij-2026/nl', { headers: { cookie: 'session=abc' } }],
      ['/bakkerij-2026/nl', { headers: { authorization: 'Bearer x' } }],
      ['/bakkerij-2026/nl?error=1', {}],
      ['/bakkerij-2026/nl', { method: 'POST' }],
      ['/bakkerij-2026/nl', { method: 'HEAD' }],
      ['/bakkerij-2026/nl/case', {}],
    ] as const) {
      expect({ path, options, rendered: (await send(path, options)).headers['x-rendered-for'] }).toEqual({
        path,
        options,
        rendered: 'one visitor',
      });
    }
    expect(renders).toEqual(['/bakkerij-2026/nl']);
  });

  it('never shares a page that sets a cookie with visitors who arrived while it was rendered', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let n = 0;
    answer = async () => {
      const mine = (n += 1);
      await gate;
      return new Response('with cookie', { headers: { 'set-cookie': `session=${mine}` } });
    };
    const waiting = Array.from({ length: 3 }, () => send('/cookie-together/nl'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const cookies = (await Promise.all(waiting)).map((r) => r.headers['set-cookie']?.[0]);
    expect(new Set(cookies).size).toBe(3);
  });

  it('keeps only a plain 200: a page that sets a cookie, a not-found or a failure is rendered again each time', async () => {
    answer = () => new Response('with cookie', { headers: { 'set-cookie': 'a=b' } });
    await send('/cookie/nl');
    const again = await send('/cookie/nl');
    expect(again.headers['set-cookie']).toEqual(['a=b']);
    answer = () => new Response('not found', { status: 404 });
    await send('/nothing/nl');
    expect((await send('/nothing/nl')).status).toBe(404);
    answer = () => Promise.reject(new Error('intake is down'));
    const failed = await send('/down/nl');
    expect([failed.status, failed.body]).toEqual([500, 'The page could not be shown']);
    await send('/down/nl');
    expect(renders).toEqual(['/cookie/nl', '/cookie/nl', '/nothing/nl', '/nothing/nl', '/down/nl', '/down/nl']);
  });

  it('keeps at most its number of pages, dropping the oldest', async () => {
    await send('/a/nl');
    await send('/b/nl');
    await send('/c/nl'); // drops /a
    await send('/b/nl');
    await send('/a/nl');
    expect(renders).toEqual(['/a/nl', '/b/nl', '/c/nl', '/a/nl']);
  });
});
