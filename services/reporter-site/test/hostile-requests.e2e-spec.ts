import { connect } from 'node:net';
import { join } from 'node:path';
import { startWebService, type RunningWebService } from '@vertrouwd/web-kit/testing';
import { buildSite, SESSION_SECRET } from './reporter-site';

// What anyone on the internet can send the site before any page runs, against its real server (server/main.ts) as
// one process, as in a container: `GET //` made the request listener throw and ended the process, a bad Host or a
// post that is no form was a 500, and Node's bare 431 had no body. Nothing here reaches intake or the database.
const SITE = join(__dirname, '..');
jest.setTimeout(120_000);

let site: RunningWebService;
let port: number;

beforeAll(async () => {
  buildSite();
  site = await startWebService(SITE, {
    INTAKE_URL: 'http://127.0.0.1:9',
    DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
    SESSION_SECRET,
  });
  port = Number(new URL(site.url).port);
});
afterAll(() => site?.stop());

/** Sends bytes as they are; resolves with the status and what the server wrote before it closed (0: nothing). */
function raw(bytes: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
  });
}
const live = async () => (await fetch(`${site.url}/health/live`)).status;
const problemType = (text: string) => (JSON.parse(text.split('\r\n\r\n')[1]) as { type: string }).type;

it('answers a target or Host that makes no URL with a problem+json 400, and goes on serving', async () => {
  for (const request of [
    'GET // HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET //@ HTTP/1.1\r\nHost: x\r\n\r\n',
    'POST // HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n',
    'GET /bakkerij-2026 HTTP/1.1\r\nHost: [\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: a@b\r\n\r\n',
    // No Host at all: Node's own check answered a bare 400 without a body or the security headers.
    'GET /health/live HTTP/1.1\r\n\r\n',
  ]) {
    const answer = await raw(request.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Content-Type: application/problem+json');
    expect(answer.text).toContain("Content-Security-Policy: default-src 'none'");
  }
  expect(await live()).toBe(200);
  expect(site.output()).not.toContain('Invalid URL');
});

it('answers TRACE, which no fetch Request can carry, with a 405 instead of a 500', async () => {
  const answer = await raw('TRACE /bakkerij-2026 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  expect([answer.status, problemType(answer.text)]).toEqual([405, 'https://vertrouwd.nl/problems/method-not-allowed']);
});

it('answers a post to the public forms that is no form with a 415, and one over 256 KiB with a 413', async () => {
  for (const path of ['/bakkerij-2026/nl', '/bakkerij-2026/nl/follow-up']) {
    for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x']) {
      const answer = await fetch(`${site.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body: '{"account":"x"}' });
      expect([answer.status, answer.headers.get('content-type')]).toEqual([415, 'application/problem+json']);
    }
  }
  const large = await raw(
    'POST /bakkerij-2026/nl HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
      'Content-Length: 262145\r\nConnection: close\r\n\r\naccount=',
  );
  expect([large.status, problemType(large.text)]).toEqual([413, 'https://vertrouwd.nl/problems/payload-too-large']);
  expect(await live()).toBe(200);
});

it('answers headers over 16 KiB with a problem+json 431', async () => {
  const answer = await raw(`GET /bakkerij-2026 HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(17_000)}\r\n\r\n`);
  expect([answer.status, problemType(answer.text)]).toEqual([431, 'https://vertrouwd.nl/problems/request-header-fields-too-large']);
});
