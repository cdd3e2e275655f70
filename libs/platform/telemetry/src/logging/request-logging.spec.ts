import 'reflect-metadata';
import { Body, Controller, Get, Logger, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { eventually } from '@vertrouwd/testing';
import request from 'supertest';
import { capturedLogger } from './fixtures/captured-logger';
import { NestPinoLogger } from './nest-pino.logger';
import { requestLogger, requestLogging } from './request-logging';

const CORRELATION_ID = 'corr-0000-1111';

@Controller()
class CasesController {
  private readonly logger = new Logger('Cases');

  @Get('cases/:caseId')
  read(@Param('caseId') caseId: string) {
    this.logger.log({ caseId: 'c-1', reporter: { email: 'CANARY-handler@example.org' } });
    return { length: caseId.length };
  }

  @Post('cases/:caseId/notes')
  note(@Body() body: { text: string }) {
    return { length: body.text.length };
  }

  @Get('cases/:caseId/broken')
  broken(): never {
    throw new TypeError('cannot read narrative of CANARY-thrown@example.org');
  }

  @Get('health/live')
  live() {
    return { status: 'up' };
  }
}

@Module({ controllers: [CasesController] })
class CasesModule {}

// pino-http, through nestjs-pino, logs each finished request: the route template and the status, never the URL,
// query, headers or body, where personal data and credentials travel.
describe('request logging', () => {
  const { logger, text, lines } = capturedLogger();
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const requestLines = () => lines().filter((line) => line.msg === 'request completed' || line.msg === 'request errored');
  const lastRequestLine = () =>
    eventually(() => {
      expect(requestLines().length).toBeGreaterThan(0);
      return requestLines()[requestLines().length - 1];
    });

  beforeAll(async () => {
    const nestLogger = new NestPinoLogger(logger);
    app = await NestFactory.create({ module: CasesModule, imports: [requestLogging(nestLogger)] }, new ExpressAdapter(), {
      logger: nestLogger,
    });
    // What `@vertrouwd/http` does first on every request, after checking the caller's header.
    app.use((req: { correlationId?: string }, _res: unknown, next: () => void) => ((req.correlationId = CORRELATION_ID), next()));
    app.use(requestLogger(nestLogger));
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('logs one line per request with method, route template, status and duration, and the correlation id', async () => {
    await http().get('/cases/c-42').expect(200);
    const line = await lastRequestLine();
    expect(line).toMatchObject({
      level: 30,
      service: 'case',
      msg: 'request completed',
      method: 'GET',
      route: '/cases/:caseId',
      statusCode: 200,
      correlationId: CORRELATION_ID,
    });
    expect(typeof line.responseTime).toBe('number');
    expect(Object.keys(line).sort()).toEqual(
      ['correlationId', 'level', 'method', 'msg', 'responseTime', 'route', 'service', 'statusCode', 'time'].sort(),
    );
  });

  it("binds the correlation id to the handler's own lines, still scrubbed", async () => {
    await http().get('/cases/c-42').expect(200);
    await lastRequestLine();
    const handlerLine = lines().find((line) => line.context === 'Cases')!;
    expect(handlerLine).toMatchObject({ context: 'Cases', correlationId: CORRELATION_ID, reporter: { email: '[redacted]' } });
    expect(text()).not.toContain('CANARY-handler');
  });

  it('writes no canary from the path, query string, headers or body', async () => {
    await http()
      .get('/cases/CANARY-path?email=CANARY-query@example.org&q=CANARY-q')
      .set('Authorization', 'Bearer CANARY-token')
      .set('Cookie', 'session=CANARY-cookie')
      .set('User-Agent', 'CANARY-agent')
      .set('X-Forwarded-For', '203.0.113.7')
      .set('X-Reporter', 'CANARY-header')
      .expect(200);
    await http()
      .post('/cases/CANARY-path/notes?name=CANARY-query')
      .set('Authorization', 'Bearer CANARY-token')
      .send({ text: 'CANARY-body', name: 'CANARY-name' })
      .expect(201);
    await eventually(() => expect(requestLines().filter((line) => line.route === '/cases/:caseId/notes')).toHaveLength(1));
    expect(text()).not.toContain('CANARY');
    expect(text()).not.toContain('203.0.113.7');
    expect(requestLines().slice(-2)).toMatchObject([
      { method: 'GET', route: '/cases/:caseId', statusCode: 200 },
      { method: 'POST', route: '/cases/:caseId/notes', statusCode: 201 },
    ]);
  });

  it('logs a 5xx at error level, without the error message, and an unmatched path without the path', async () => {
    await http().get('/cases/c-1/broken?q=CANARY-query').expect(500);
    expect(await lastRequestLine()).toMatchObject({ level: 50, msg: 'request errored', route: '/cases/:caseId/broken', statusCode: 500 });
    await http().get('/CANARY-scanner/admin.php').expect(404);
    const unmatched = await lastRequestLine();
    expect(unmatched).toMatchObject({ level: 30, method: 'GET', statusCode: 404 });
    expect(unmatched.route).toBeUndefined();
    expect(text()).not.toContain('CANARY');
    expect(text()).toContain('TypeError');
  });

  it('leaves health probes out', async () => {
    const before = requestLines().length;
    await http().get('/health/live').expect(200);
    await http().get('/cases/c-1').expect(200);
    await eventually(() => expect(requestLines()).toHaveLength(before + 1));
    expect(requestLines()[before]).toMatchObject({ route: '/cases/:caseId' });
  });
});

// `npm start` hosts every service in one process, each its own Nest application with its own logger and log file.
describe('request logging, two applications in one process', () => {
  const intake = capturedLogger('intake');
  const matching = capturedLogger('matching');
  const apps: INestApplication[] = [];

  async function start(logger: ReturnType<typeof capturedLogger>['logger'], correlationId: string): Promise<INestApplication> {
    const nestLogger = new NestPinoLogger(logger);
    const app = await NestFactory.create({ module: CasesModule, imports: [requestLogging(nestLogger)] }, new ExpressAdapter(), {
      logger: nestLogger,
    });
    app.use((req: { correlationId?: string }, _res: unknown, next: () => void) => ((req.correlationId = correlationId), next()));
    app.use(requestLogger(nestLogger));
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return app;
  }

  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it("writes each application's request lines and handler lines to its own log, under its own name", async () => {
    const first = await start(intake.logger, 'corr-intake');
    const second = await start(matching.logger, 'corr-matching');
    await request(second.getHttpServer()).get('/cases/c-2').expect(200);
    await request(first.getHttpServer()).get('/cases/c-1').expect(200);
    const completed = (lines: () => Record<string, unknown>[]) =>
      eventually(() => {
        const found = lines().filter((line) => line.msg === 'request completed');
        expect(found).toHaveLength(1);
        return found[0];
      });
    expect(await completed(intake.lines)).toMatchObject({ service: 'intake', correlationId: 'corr-intake' });
    expect(await completed(matching.lines)).toMatchObject({ service: 'matching', correlationId: 'corr-matching' });
    expect(matching.lines().find((line) => line.context === 'Cases')).toMatchObject({
      service: 'matching',
      correlationId: 'corr-matching',
    });
    expect(intake.lines().find((line) => line.context === 'Cases')).toMatchObject({ service: 'intake', correlationId: 'corr-intake' });
  });
});
