import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Body, Controller, Get, HttpException, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import request from 'supertest';
import { eventually } from '@vertrouwd/testing';
import { currentTraceparent } from '../tracing/propagation';
import { startTelemetry, type Telemetry } from '../tracing/start-telemetry';
import { httpTracing } from './http-tracing.middleware';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN = 'b7ad6b7169203331';
const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

@Controller('cases')
class CasesController {
  @Get(':caseId')
  read(@Param('caseId') caseId: string) {
    return { caseId, traceparent: currentTraceparent() };
  }

  @Post(':caseId/notes')
  async note(@Body() body: { text: string }) {
    await new Promise((resolve) => setImmediate(resolve));
    return { length: body.text.length, traceparent: currentTraceparent() };
  }

  @Get(':caseId/broken')
  broken(): never {
    throw new HttpException('boom for jan@example.org', 503);
  }
}

@Module({ controllers: [CasesController] })
class CasesModule {}

describe('HttpTracing', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let app: INestApplication;
  // The span ends on the response's 'finish', which can come just after the client has read the response.
  const serverSpan = (): Promise<ReadableSpan> =>
    eventually(() => {
      const spans = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
      expect(spans).toHaveLength(1);
      return spans[0];
    });

  let requestArrived: () => void = () => undefined;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'http-test', exporter });
    // An explicit adapter: Nest's default one is loaded by a dynamic import(), which Jest's CommonJS cannot run.
    app = await NestFactory.create(CasesModule, new ExpressAdapter(), { logger: false });
    app.use(httpTracing());
    app.use((_req: unknown, _res: unknown, next: () => void) => (requestArrived(), next()));
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await telemetry.shutdown();
  });
  beforeEach(() => exporter.reset());

  it('continues an incoming traceparent, and the handler sees the request span as active', async () => {
    const res = await request(app.getHttpServer())
      .get('/cases/c-42?email=jan@example.org')
      .set('traceparent', `00-${TRACE_ID}-${CLIENT_SPAN}-01`)
      .expect(200);
    const span = await serverSpan();
    expect(traceIdOf(res.body.traceparent)).toBe(TRACE_ID);
    expect(res.body.traceparent).toBe(`00-${TRACE_ID}-${span.spanContext().spanId}-01`);
    expect(span.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
    expect(span.name).toBe('HTTP GET /cases/:caseId');
    expect(span.attributes).toEqual({ 'http.request.method': 'GET', 'http.route': '/cases/:caseId', 'http.response.status_code': 200 });
  });

  it('keeps the context through body parsing and awaits, and never records the body or the query', async () => {
    const res = await request(app.getHttpServer())
      .post('/cases/c-42/notes?q=secret')
      .set('traceparent', `00-${TRACE_ID}-${CLIENT_SPAN}-01`)
      .send({ text: 'CANARY-narrative'.padEnd(90_000, '.') })
      .expect(201);
    expect(traceIdOf(res.body.traceparent)).toBe(TRACE_ID);
    const exported = JSON.stringify(await serverSpan());
    expect(exported).not.toContain('CANARY');
    expect(exported).not.toContain('secret');
  });

  it('keeps the context when the body arrives only after the request has entered the middleware chain', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const body = JSON.stringify({ text: 'late' });
    const entered = new Promise<void>((resolve) => (requestArrived = resolve));
    const response = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/cases/c-42/notes',
          headers: { 'content-type': 'application/json', 'content-length': body.length, traceparent: `00-${TRACE_ID}-${CLIENT_SPAN}-01` },
        },
        (res) => res.setEncoding('utf8').on('data', (chunk: string) => resolve(chunk)),
      );
      req.on('error', reject).flushHeaders();
      void entered.then(() => req.end(body));
    });
    expect(traceIdOf(JSON.parse(await response).traceparent)).toBe(TRACE_ID);
  });

  it('starts a new trace without an incoming traceparent', async () => {
    const res = await request(app.getHttpServer()).get('/cases/c-1').expect(200);
    const span = await serverSpan();
    expect(traceIdOf(res.body.traceparent)).toBe(span.spanContext().traceId);
    expect(span.parentSpanContext).toBeUndefined();
  });

  it('marks a 5xx as an error without its message', async () => {
    await request(app.getHttpServer()).get('/cases/c-1/broken').expect(503);
    const span = await serverSpan();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span.attributes['error.type']).toBe('503');
    expect(JSON.stringify(span)).not.toContain('jan@example.org');
  });

  it('names an unmatched request by its method only, not by the invented path', async () => {
    await request(app.getHttpServer()).get('/jan@example.org/profile').expect(404);
    const span = await serverSpan();
    expect(span.name).toBe('HTTP GET');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes['http.route']).toBeUndefined();
  });
});
