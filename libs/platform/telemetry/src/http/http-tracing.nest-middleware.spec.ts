import 'reflect-metadata';
import { Controller, Get, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { eventually } from '@vertrouwd/testing';
import request from 'supertest';
import { currentTraceparent } from '../tracing/propagation';
import { startTelemetry } from '../tracing/start-telemetry';
import { HttpTracing } from './http-tracing.middleware';

@Controller('advisors')
class AdvisorsController {
  @Get(':advisorId')
  read() {
    return { traceparent: currentTraceparent() };
  }
}

@Module({ controllers: [AdvisorsController] })
class AdvisorsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTracing).forRoutes(AdvisorsController);
  }
}

describe('HttpTracing as module middleware', () => {
  it('traces the routes it is applied to, continuing the incoming trace', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({ serviceName: 'http-module-test', exporter });
    const app = await NestFactory.create(AdvisorsModule, new ExpressAdapter(), { logger: false });
    await app.init();
    try {
      const res = await request(app.getHttpServer())
        .get('/advisors/a-1')
        .set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
        .expect(200);
      expect(res.body.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-/);
      const span = await eventually(() => exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER)!);
      expect(span.name).toBe('HTTP GET /advisors/:advisorId');
    } finally {
      await app.close();
      await telemetry.shutdown();
    }
  });
});
