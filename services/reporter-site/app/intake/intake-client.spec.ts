import { createServer, type Server } from 'node:http';
import { fetchIntakePage, forwardedFor, INTAKE_PAGE_KEPT_MS, submitReport } from './intake-client.server';

// The site keeps an organisation's public intake page for a few seconds; a stand-in for intake's one endpoint counts
// how often it is asked.

let server: Server;
const asked: string[] = [];
let failNext = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url!);
    if (req.method === 'POST') {
      // A theme that is not for the counsellor: nothing stored, where to go instead (intake's OutOfScopeView).
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ outOfScope: true, whereToGo: { title: 'Werkdruk', whereToGo: 'Ga naar de bedrijfsarts.' } }));
    } else if (failNext) {
      failNext = false;
      res.writeHead(503).end();
    } else if (req.url!.startsWith('/intake/unknown')) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ organisation: { name: `page ${asked.length}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.INTAKE_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  jest.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => (asked.length = 0));

const at = (ms: number) => jest.spyOn(Date, 'now').mockReturnValue(ms);

describe('the intake page, kept briefly', () => {
  it('asks intake once for concurrent and repeated visits within the interval, and again after it', async () => {
    at(1_000_000);
    const [a, b] = await Promise.all([fetchIntakePage('bakkerij', 'nl'), fetchIntakePage('bakkerij', 'nl')]);
    expect(await fetchIntakePage('bakkerij', 'nl')).toBe(a);
    expect(b).toBe(a);
    expect(asked).toEqual(['/intake/bakkerij?lang=nl']);
    at(1_000_000 + INTAKE_PAGE_KEPT_MS + 1);
    expect(await fetchIntakePage('bakkerij', 'nl')).not.toBe(a);
    expect(asked).toHaveLength(2);
  });

  it('keeps each language apart', async () => {
    at(2_000_000);
    await fetchIntakePage('bakkerij', 'nl');
    await fetchIntakePage('bakkerij', 'ar');
    expect(asked).toEqual(['/intake/bakkerij?lang=nl', '/intake/bakkerij?lang=ar']);
  });

  it('does not keep a failure: the next visit asks again', async () => {
    at(3_000_000);
    failNext = true;
    await expect(fetchIntakePage('zorg', 'nl')).rejects.toThrow('intake answered 503');
    expect(await fetchIntakePage('zorg', 'nl')).toEqual({ organisation: { name: 'page 2' } });
  });

  it('answers an unknown code with no page, and never asks intake for a code that is not one', async () => {
    at(4_000_000);
    expect(await fetchIntakePage('unknown', 'nl')).toBeUndefined();
    expect(await fetchIntakePage('../admin', 'nl')).toBeUndefined();
    expect(asked).toEqual(['/intake/unknown?lang=nl']);
  });
});

describe('a report intake does not take', () => {
  it('says where to go instead, in words', async () => {
    const sent = await submitReport('bakkerij', { theme: 'workload' } as Parameters<typeof submitReport>[1]);
    expect(sent).toEqual({ kind: 'out-of-scope', whereToGo: 'Ga naar de bedrijfsarts.' });
  });
});

describe("the reporter's address for intake's limits", () => {
  afterEach(() => delete process.env.INTAKE_PROXY_SECRET);

  it('is forwarded with the secret that proves the site sent it', () => {
    process.env.INTAKE_PROXY_SECRET = 'site-proxy-secret-of-at-least-32-characters';
    expect(forwardedFor('198.51.100.1')).toEqual({
      'x-forwarded-for': '198.51.100.1',
      'x-intake-proxy-key': 'site-proxy-secret-of-at-least-32-characters',
    });
  });

  it('is not forwarded without the secret, or without an address', () => {
    expect(forwardedFor('198.51.100.1')).toEqual({});
    process.env.INTAKE_PROXY_SECRET = 'site-proxy-secret-of-at-least-32-characters';
    expect(forwardedFor(undefined)).toEqual({});
  });
});
