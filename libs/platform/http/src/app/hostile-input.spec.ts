import type { NestExpressApplication } from '@nestjs/platform-express';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Effects } from '../fixtures/reports.controller';
import { validReport } from '../fixtures/reports.dto';
import { createTestApp } from '../fixtures/test-app';

const PROBLEM = /^application\/problem\+json/;
const VALIDATION = 'https://vertrouwd.nl/problems/validation';
const CANARY = 'canary-e5b1@leak.example';

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const errorsOf = (res: request.Response) => (res.body.errors as Array<{ field: string; rule: string }>).map((e) => `${e.field}:${e.rule}`);

/** Sends raw bytes and resolves with everything the server wrote before it closed the connection. */
function raw(app: NestExpressApplication, bytes: string): Promise<string> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** Posts bytes as they are (supertest would serialise a Buffer as JSON); resolves with status and body. */
function postBytes(app: NestExpressApplication, bytes: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headers = { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) };
    const req = httpRequest({ host: '127.0.0.1', port, path: '/reports', method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

describe('hostile input', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const post = (body: string, contentType = 'application/json') => http().post('/reports').set('Content-Type', contentType).send(body);
  const created = () => app.get(Effects).runs.get('create') ?? 0;

  beforeAll(async () => {
    app = await createTestApp({ bodyLimit: '64kb', timeouts: { headersMs: 300, requestMs: 600 } });
  });
  afterAll(() => app.close());

  describe('JSON shape, refused while parsing', () => {
    it('refuses 30,000 nested arrays with a 400 naming the rule, not a 500', async () => {
      const res = await post(nestedArrays(30_000)).expect(400).expect('Content-Type', PROBLEM);
      expect(res.body).toMatchObject({ type: VALIDATION, status: 400 });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: '(body)', rule: 'maxDepth' })]);
    });

    it('refuses objects nested deeper than the limit, and counts brackets inside strings as text', async () => {
      const deep = `{"title":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`;
      expect(errorsOf(await post(deep).expect(400))).toEqual(['(body):maxDepth']);
      const inText = JSON.stringify(validReport({ title: '['.repeat(120) }));
      expect(errorsOf(await post(inText).expect(400))).toEqual(['title:isLength']);
    });

    it('refuses a body with more keys than the limit', async () => {
      const many = JSON.stringify({ ...validReport(), items: Array.from({ length: 1_200 }, (_, i) => ({ [`k${i}`]: 1 })) });
      expect(errorsOf(await post(many).expect(400))).toEqual(['(body):maxKeys']);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key anywhere, instead of dropping it', async (key) => {
      const top = await post(`{"title":"Report","age":1,"contact":{"email":"a@example.org"},"items":[],"${key}":{"isAdmin":true}}`);
      expect([top.status, errorsOf(top)]).toEqual([400, [`${key}:forbiddenKey`]]);
      const nested = await post(`{"title":"Report","age":1,"contact":{"email":"a@example.org","${key}":{}},"items":[]}`);
      expect([nested.status, errorsOf(nested)]).toEqual([400, [`${key}:forbiddenKey`]]);
    });

    it('refuses a NUL character in any string, which no database column can hold', async () => {
      const res = await post(JSON.stringify(validReport({ title: 'Rep\u0000ort' }))).expect(400);
      expect(errorsOf(res)).toEqual(['(body):noNulCharacter']);
    });

    it('refuses a lone surrogate in any string or key with a 400, where an e-mail rule threw a 500', async () => {
      const before = created();
      // JSON.stringify writes a lone surrogate as the escape `\ud800`: valid JSON, but no UTF-8 can carry it.
      for (const body of [
        validReport({ contact: { email: 'a\ud800@example.org' } }),
        validReport({ title: 'Report \udc00' }),
        { ...validReport(), ['\ud83d']: 1 },
      ]) {
        const res = await post(JSON.stringify(body)).expect(400).expect('Content-Type', PROBLEM);
        expect(errorsOf(res)).toEqual(['(body):wellFormedUnicode']);
      }
      await post(JSON.stringify(validReport({ title: 'Report 😀' }))).expect(201);
      expect(created()).toBe(before + 1);
    });

    it('refuses an array or null where an object is expected, at the top and nested', async () => {
      const before = created();
      expect(errorsOf(await post(JSON.stringify([validReport()])).expect(400))).toEqual(['(body):isObject']);
      const asArray = await post(JSON.stringify(validReport({ contact: [{ email: 'someone@example.org' }] }))).expect(400);
      expect(errorsOf(asArray)).toEqual(['contact:isObject']);
      const emptyArray = await post(JSON.stringify(validReport({ contact: [] }))).expect(400);
      expect(errorsOf(emptyArray)).toEqual(['contact:isObject']);
      expect(errorsOf(await post(JSON.stringify(validReport({ contact: null }))).expect(400))).toContain('contact:isDefined');
      expect(created()).toBe(before);
    });
  });

  describe('encodings', () => {
    it.each(['utf-16', 'UTF-16LE', 'utf-32', '"utf-16be"'])('refuses charset=%s with a 415', async (charset) => {
      const res = await post('{}', `application/json; charset=${charset}`).expect(415).expect('Content-Type', PROBLEM);
      expect(res.body.type).toBe('https://vertrouwd.nl/problems/unsupported-media-type');
    });

    it('refuses a UTF-16 body sent without a charset, and bytes that are not UTF-8, with a 415', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(validReport()), 'utf16le')]);
      const res = await postBytes(app, utf16);
      expect([res.status, res.body.detail]).toEqual([415, 'The request body must be UTF-8 encoded JSON.']);
      // Without the byte order mark too, in either byte order (its NUL bytes pass as UTF-8): was a 400 malformed-json.
      for (const bytes of [
        Buffer.from(JSON.stringify(validReport()), 'utf16le'),
        Buffer.from(JSON.stringify(validReport()), 'utf16le').swap16(),
      ]) {
        expect((await postBytes(app, bytes)).status).toBe(415);
      }
      const latin1 = Buffer.from(JSON.stringify(validReport({ title: 'Café' })), 'latin1');
      expect((await postBytes(app, latin1)).status).toBe(415);
      expect((await postBytes(app, Buffer.from(JSON.stringify(validReport({ title: 'Café' }))))).status).toBe(201);
    });

    it('accepts charset=utf-8 in any spelling', async () => {
      await post(JSON.stringify(validReport()), 'application/json; charset=UTF-8').expect(201);
      await post(JSON.stringify(validReport()), 'application/json;charset="utf-8"').expect(201);
    });
  });

  describe('URLs', () => {
    it('answers a NUL byte or a broken escape in the path or query with a 400 that does not quote it', async () => {
      for (const path of ['/reports/%00', '/reports/r-1?x=%00', `/reports/${CANARY}%FF`, `/reports/r-1?q=${CANARY}%E0%A4%A`]) {
        const res = await http().get(path).expect(400).expect('Content-Type', PROBLEM);
        expect(res.body.type).toBe('https://vertrouwd.nl/problems/bad-request');
        expect(res.text).not.toContain('canary');
      }
    });

    it('answers headers or a URL over 16 KiB with a problem+json 431', async () => {
      for (const res of [
        await http().get('/reports/r-1').set('X-Big', 'a'.repeat(17_000)),
        await http().get(`/reports/${'a'.repeat(17_000)}`),
      ]) {
        expect(res.status).toBe(431);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.body).toMatchObject({
          type: 'https://vertrouwd.nl/problems/request-header-fields-too-large',
          status: 431,
          correlationId: res.headers['x-correlation-id'],
        });
      }
    });

    it('answers a request target that makes no URL with a problem+json 400, before Express', async () => {
      for (const target of ['http://[/', 'http://[canary-e5b1/reports']) {
        const answer = await raw(app, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
        expect(answer).toMatch(/^HTTP\/1\.1 400 /);
        expect(answer).toContain('Content-Type: application/problem+json');
        expect(answer).toContain('https://vertrouwd.nl/problems/bad-request');
        expect(answer).not.toContain('canary');
      }
    });

    it('answers an HTTP/1.1 request without a Host header with a problem+json 400, not a bare one', async () => {
      const before = created();
      const answer = await raw(app, 'POST /reports HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('Content-Type: application/problem+json');
      expect(answer).toContain('Host header');
      expect(created()).toBe(before);
      // HTTP/1.0 never required one.
      expect(await raw(app, 'GET /reports/r-1 HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
    });

    it('answers CONNECT, which Node hands to no route, with a problem+json 405 instead of dropping it', async () => {
      const answer = await raw(app, 'CONNECT leak.example:443 HTTP/1.1\r\nHost: leak.example:443\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer).toContain('https://vertrouwd.nl/problems/method-not-allowed');
    });

    it('answers a request line it cannot parse with a problem+json 400', async () => {
      const answer = await raw(app, 'GET /reports/r-1 HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('Content-Type: application/problem+json');
    });
  });

  describe('slow clients', () => {
    it('bounds the time to send headers and the whole request', () => {
      const server = app.getHttpServer();
      expect(server.headersTimeout).toBe(300);
      expect(server.requestTimeout).toBe(600);
    });

    it('closes a connection that never finishes its headers', async () => {
      const answer = await raw(app, 'GET /reports/r-1 HTTP/1.1\r\nHost: x\r\nX-Slow: 1');
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('https://vertrouwd.nl/problems/request-timeout');
    });

    it('has defaults that close a slow connection within about ten seconds', async () => {
      const defaults = await createTestApp();
      try {
        expect(defaults.getHttpServer().headersTimeout).toBe(10_000);
        expect(defaults.getHttpServer().requestTimeout).toBe(30_000);
      } finally {
        await defaults.close();
      }
    });
  });

  describe('what an error body says', () => {
    it('gives the route template as instance, never the path the caller sent', async () => {
      const res = await http()
        .post(`/reports/${encodeURIComponent(CANARY)}/acknowledge`)
        .set('Content-Type', 'text/plain')
        .send('x');
      expect(res.status).toBe(415);
      expect(res.text).not.toContain('canary');
      const validation = await http()
        .post('/reports')
        .send(validReport({ age: -1 }))
        .expect(400);
      expect(validation.body.instance).toBe('/reports');
      const missing = await http().get(`/nowhere/${CANARY}`).expect(404);
      expect(missing.text).not.toContain('canary');
      expect(missing.body.instance).toBe(`urn:uuid:${missing.body.correlationId}`);
    });

    it('does not name unknown fields, not even plain ones', async () => {
      const res = await http()
        .post('/reports')
        .send(validReport({ jansen: true, contact: { email: 'a@example.org', pietersen: 1 } }))
        .expect(400);
      expect(errorsOf(res)).toEqual(['(unnamed):unknownField', 'contact.(unnamed):unknownField']);
      expect(res.text).not.toMatch(/jansen|pietersen/);
    });

    it('keeps only a well-formed UUID as correlation id; anything else is replaced by a server-made one', async () => {
      const given = '3f1c2b7e-0c1d-4e5f-9a8b-1c2d3e4f5a6b';
      await http().get('/nowhere').set('X-Correlation-Id', given).expect('X-Correlation-Id', given);
      for (const chosen of ['jan.jansen:0612345678', 'trace-1234-abcd', `${given}x`, '<script>']) {
        const res = await http().get('/nowhere').set('X-Correlation-Id', chosen);
        expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(res.text).not.toContain(chosen);
      }
    });
  });
});
