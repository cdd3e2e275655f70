import { ServiceUnavailableException, type INestApplication } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckService } from '@nestjs/terminus';
import request from 'supertest';
import { CapturingLogger, createTestApp } from '../fixtures/test-app';
import { ProblemException } from '../problem/problem.exception';
import type { HealthCheck } from './health-check';
import { HealthController } from './health.controller';

describe('health', () => {
  let app: INestApplication;
  const logger = new CapturingLogger();
  let busUp = true;
  const checks: HealthCheck[] = [
    { name: 'database', check: async () => undefined },
    {
      name: 'bus',
      check: async () => {
        if (!busUp) throw new Error('connect ECONNREFUSED postgres://vertrouwd:secret@db:5432/bus');
      },
    },
  ];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp({ healthChecks: checks, logger });
  });
  afterAll(() => app.close());
  afterEach(() => (busUp = true));

  it('answers /health/live with 200 up', async () => {
    const res = await http().get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'up' });
  });

  it('answers /health/ready with 200 when every check passes', async () => {
    const res = await http().get('/health/ready').expect(200);
    expect(res.body).toEqual({
      status: 'up',
      checks: [
        { name: 'database', status: 'up' },
        { name: 'bus', status: 'up' },
      ],
    });
  });

  it('answers /health/ready with a 503 problem naming the failing check, without its error', async () => {
    busUp = false;
    const res = await http()
      .get('/health/ready')
      .expect(503)
      .expect('Content-Type', /^application\/problem\+json/)
      .expect('Retry-After', '5');
    expect(res.body).toMatchObject({
      type: 'https://vertrouwd.nl/problems/not-ready',
      status: 503,
      detail: 'Not ready: bus did not answer.',
      checks: [
        { name: 'database', status: 'up' },
        { name: 'bus', status: 'down' },
      ],
    });
    expect(res.text).not.toMatch(/secret|postgres:|ECONNREFUSED/);
    expect(logger.lines.some((line) => line.includes('readiness check bus failed'))).toBe(true);
  });

  it('counts a check that does not answer in time as failing', async () => {
    const hanging = await createTestApp({ healthChecks: [{ name: 'bus', check: () => new Promise(() => undefined) }] });
    try {
      const res = await request(hanging.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body.checks).toEqual([{ name: 'bus', status: 'down' }]);
    } finally {
      await hanging.close();
    }
  });

  it('is not ready while the application shuts down, even with every check up', async () => {
    // Terminus's answer once Nest has begun closing the application: every indicator up, the status shutting_down.
    const shuttingDown = {
      check: async () => {
        throw new ServiceUnavailableException({ status: 'shutting_down', info: {}, error: {}, details: { database: { status: 'up' } } });
      },
    } as unknown as HealthCheckService;
    const controller = new HealthController(
      shuttingDown,
      new HealthIndicatorService(),
      [{ name: 'database', check: async () => undefined }],
      200,
    );
    const answer = await controller.ready().catch((error: unknown) => error);
    expect(answer).toBeInstanceOf(ProblemException);
    expect((answer as ProblemException).problem).toMatchObject({
      type: 'https://vertrouwd.nl/problems/not-ready',
      status: 503,
      detail: 'Not ready: the service is shutting down.',
      extensions: { checks: [{ name: 'database', status: 'up' }] },
    });
  });
});
