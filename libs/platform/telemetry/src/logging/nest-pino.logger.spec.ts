import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import request from 'supertest';
import { capturedLogger } from './fixtures/captured-logger';
import { NestPinoLogger } from './nest-pino.logger';

@Controller('reports')
class ReportsController {
  @Get('broken')
  broken(): never {
    throw new TypeError('cannot read narrative of CANARY-40@example.org');
  }
}

@Module({ controllers: [ReportsController] })
class ReportsModule {}

describe('NestPinoLogger', () => {
  it('maps Nest levels to pino levels and its trailing context to a field', () => {
    const { logger, lines } = capturedLogger();
    const nest = new NestPinoLogger(logger);
    nest.log('started', 'NestApplication');
    nest.warn('slow', 'Relay');
    nest.debug('tick');
    nest.verbose('detail', 'Relay');
    nest.fatal('down', 'Main');
    expect(lines().map(({ level, msg, context }) => [level, msg, context])).toEqual([
      [30, 'started', 'NestApplication'],
      [40, 'slow', 'Relay'],
      [20, 'tick', undefined],
      [10, 'detail', 'Relay'],
      [60, 'down', 'Main'],
    ]);
  });

  it("turns Nest's (message, stack, context) into an error of frames, scrubbing the message", () => {
    const { logger, text, lines } = capturedLogger();
    const error = new Error('CANARY-41@example.org not found');
    new NestPinoLogger(logger).error(`lookup of CANARY-42@example.org failed`, error.stack, 'ExceptionsHandler');
    new NestPinoLogger(logger).error(error);
    new NestPinoLogger(logger).error({ caseId: 'c-1', narrative: 'CANARY-43' }, 'Case');
    expect(text()).not.toContain('CANARY');
    const [first, second, third] = lines();
    expect(first).toMatchObject({ level: 50, context: 'ExceptionsHandler', msg: 'lookup of [email] failed', err: { type: 'Error' } });
    expect((first.err as { stack: string }).stack).toMatch(/^at /);
    expect(second).toMatchObject({ msg: 'Error', err: { type: 'Error' } });
    expect(third).toMatchObject({ caseId: 'c-1', narrative: '[redacted]', context: 'Case' });
  });

  it('honours the levels Nest sets', () => {
    const { logger, lines } = capturedLogger();
    const nest = new NestPinoLogger(logger);
    nest.setLogLevels(['error', 'warn']);
    nest.log('dropped');
    nest.warn('kept');
    expect(lines().map((l) => l.msg)).toEqual(['kept']);
  });

  it("serves as a Nest application's logger: its unhandled errors are logged without personal data", async () => {
    const { logger, text } = capturedLogger();
    const app = await NestFactory.create(ReportsModule, new ExpressAdapter(), { logger: new NestPinoLogger(logger) });
    await app.init();
    try {
      await request(app.getHttpServer()).get('/reports/broken').expect(500);
    } finally {
      await app.close();
    }
    expect(text()).toContain('TypeError');
    expect(text()).toContain('NestApplication');
    expect(text()).not.toContain('CANARY');
  });
});
