import { connect } from 'node:net';
import type { Server } from 'node:http';
import { answerRefusal, checkRequest, createWebServer, WEB_REQUEST_LIMITS } from './request-limits.ts';
import { applySecurityHeaders, contentSecurityPolicy, type SecurityHeaders } from './security-headers.ts';

// What a hostile caller can send a web service before any page runs, over a real connection: each gets a
// problem+json 4xx that quotes nothing of the request, and the server goes on answering.

const HEADERS: SecurityHeaders = { contentSecurityPolicy: contentSecurityPolicy(), referrerPolicy: 'no-referrer' };
const LIMITS = { ...WEB_REQUEST_LIMITS, headersMs: 300, requestMs: 600, formBytes: 1_000 };
const CANARY = 'canary-7f3e@leak.example';

let server: Server;
let port: number;
const reached: Array<{ method?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = createWebServer(
    HEADERS,
    (req, res) => {
      const refusal = checkRequest(req, LIMITS);
      if (refusal) {
        applySecurityHeaders(res, HEADERS, { cacheable: false });
        answerRefusal(res, refusal);
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        reached.push({ method: req.method, type: req.headers['content-type'], body });
        res.writeHead(200).end('page');
      });
    },
    LIMITS,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => (reached.length = 0));

/** Sends bytes as they are and resolves with the status, the headers and the body the server wrote before closing. */
function raw(bytes: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body });
    });
  });
}

const get = (target: string, host = 'site.example') => raw(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
const post = (headers: Record<string, string>, body = '') =>
  raw(
    `POST /code/nl HTTP/1.1\r\nHost: site.example\r\nConnection: close\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n${body}`,
  );
const problemOf = (answer: { head: string; body: string }) => {
  expect(answer.head).toMatch(/\r\nContent-Type: application\/problem\+json/i);
  return JSON.parse(answer.body) as { type: string; status: number; instance: string; correlationId: string };
};

describe('a request target or Host that makes no URL', () => {
  it.each(['//', '//@', '//[', 'http://[/'])('answers GET %s with a 400 problem, before any page', async (target) => {
    const answer = await get(target);
    expect(answer.status).toBe(400);
    expect(problemOf(answer)).toMatchObject({ type: 'https://vertrouwd.nl/problems/bad-request', status: 400 });
    expect(reached).toEqual([]);
  });

  it('answers an HTTP/1.1 request without Host with a 400 problem and the security headers (Node answered a bare 400)', async () => {
    const answer = await raw('GET /health/live HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(problemOf(answer)).toMatchObject({ type: 'https://vertrouwd.nl/problems/bad-request', status: 400 });
    expect(answer.head).toMatch(/\r\nContent-Security-Policy: /i);
    expect(reached).toEqual([]);
    // HTTP/1.0 has no Host: it is served.
    expect((await raw('GET /code/nl HTTP/1.0\r\n\r\n')).head).toMatch(/^HTTP\/1\.1 200/);
  });

  it.each(['[', 'a@b:1', 'a:99999999', `${CANARY} x`])('answers Host %j with a 400 that does not quote it', async (host) => {
    const answer = await get('/code/nl', host);
    expect(answer.status).toBe(400);
    expect(answer.head + answer.body).not.toContain('canary');
  });

  it('lets a well-formed target through', async () => {
    expect((await get('/code/nl?lang=%00')).status).toBe(200);
    expect((await get('//x/y')).status).toBe(200);
    expect((await get('/code/caf%C3%A9/%2F')).status).toBe(200);
  });

  it.each(['/code/%zz', `/code/${CANARY}%`, '/%C0%AF', '/code/%ED%A0%80x', '/code/%E0%A4%A'])(
    'answers a path that does not decode, %s, with a 400 problem that does not quote it, before any page',
    async (target) => {
      const answer = await get(target);
      expect([answer.status, problemOf(answer).type]).toEqual([400, 'https://vertrouwd.nl/problems/bad-request']);
      expect(answer.head + answer.body).not.toContain('canary');
      expect(reached).toEqual([]);
    },
  );
});

describe('a method', () => {
  it.each(['TRACE', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND'])('other than GET, HEAD and POST: %s is a 405 naming them', async (method) => {
    const answer = await raw(`${method} /code/nl HTTP/1.1\r\nHost: site.example\r\nConnection: close\r\n\r\n`);
    expect([answer.status, problemOf(answer).type]).toEqual([405, 'https://vertrouwd.nl/problems/method-not-allowed']);
    expect(answer.head).toContain('Allow: GET, HEAD, POST');
    expect(reached).toEqual([]);
  });

  it('CONNECT, which Node answers before any listener, is a 405 too instead of a dropped connection', async () => {
    const answer = await raw('CONNECT site.example:443 HTTP/1.1\r\nHost: site.example:443\r\n\r\n');
    expect([answer.status, problemOf(answer).type]).toEqual([405, 'https://vertrouwd.nl/problems/method-not-allowed']);
  });
});

describe('a post', () => {
  it('is a form: JSON, text, multipart or no type with a body is a 415', async () => {
    for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x', undefined]) {
      const answer = await post({ ...(type ? { 'Content-Type': type } : {}), 'Content-Length': '9' }, 'account=x');
      expect(answer.status).toBe(415);
      expect(problemOf(answer).type).toBe('https://vertrouwd.nl/problems/unsupported-media-type');
    }
    expect(reached).toEqual([]);
  });

  it('passes a form, and a post without any body as an empty form', async () => {
    const form = 'account=Mijn+leidinggevende';
    const type = 'application/x-www-form-urlencoded; charset=UTF-8';
    expect((await post({ 'Content-Type': type, 'Content-Length': String(form.length) }, form)).status).toBe(200);
    expect((await post({})).status).toBe(200);
    expect(reached).toEqual([
      { method: 'POST', type, body: form },
      { method: 'POST', type: 'application/x-www-form-urlencoded', body: '' },
    ]);
  });

  it('states its length, within the limit; a longer one is a 413 and never read', async () => {
    const type = 'application/x-www-form-urlencoded';
    const chunked = await post({ 'Content-Type': type, 'Transfer-Encoding': 'chunked' }, '9\r\naccount=x\r\n0\r\n\r\n');
    expect([chunked.status, problemOf(chunked).type]).toEqual([411, 'https://vertrouwd.nl/problems/length-required']);
    const large = await post({ 'Content-Type': type, 'Content-Length': '50000000' }, 'account=x');
    expect([large.status, problemOf(large).type]).toEqual([413, 'https://vertrouwd.nl/problems/payload-too-large']);
    expect(reached).toEqual([]);
  });
});

describe("what Node's parser refuses", () => {
  it('answers headers over 16 KiB with a problem+json 431 carrying the security headers', async () => {
    const answer = await raw(`GET /code/nl HTTP/1.1\r\nHost: site.example\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(problemOf(answer)).toMatchObject({ type: 'https://vertrouwd.nl/problems/request-header-fields-too-large', status: 431 });
    expect(answer.head).toContain(`Content-Security-Policy: ${HEADERS.contentSecurityPolicy}`);
    expect(answer.head).toContain('X-Content-Type-Options: nosniff');
  });

  it('closes a connection that never finishes its headers, with a problem+json 408', async () => {
    const answer = await raw(`GET /code/nl HTTP/1.1\r\nHost: site.example\r\nX-Slow: ${CANARY}`);
    expect(answer.status).toBe(408);
    expect(problemOf(answer).type).toBe('https://vertrouwd.nl/problems/request-timeout');
    expect(answer.body).not.toContain('canary');
  });

  it('answers a request it cannot parse with a problem+json 400', async () => {
    const answer = await raw('GET /code/nl HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect([answer.status, problemOf(answer).type]).toEqual([400, 'https://vertrouwd.nl/problems/bad-request']);
  });

  it('has defaults of 16 KiB of headers, sent within 10 s, the request within 30 s, forms of 256 KiB', () => {
    // Node keeps maxHeaderSize on the server, though its types do not say so.
    const defaults = createWebServer(HEADERS, () => undefined) as Server & { maxHeaderSize?: number };
    expect([defaults.maxHeaderSize, defaults.headersTimeout, defaults.requestTimeout]).toEqual([16 * 1024, 10_000, 30_000]);
    expect(WEB_REQUEST_LIMITS.formBytes).toBe(256 * 1024);
  });
});
