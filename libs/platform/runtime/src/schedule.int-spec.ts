import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { Interval, SchedulerRegistry } from '@nestjs/schedule';
import { authOptionsFromEnv } from '@vertrouwd/auth';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { createPlatform, type Platform } from './platform';
import { PlatformModule } from './platform.module';

@Injectable()
class Ticker {
  ticks = 0;

  @Interval('ticker', 10)
  tick(): void {
    this.ticks++;
  }
}

@Module({ providers: [Ticker] })
class TickingModule {}

describe('PlatformModule', () => {
  let db: TestDatabase;
  let platform: Platform;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase('runtime_schedule');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: 'http://127.0.0.1:9/realms/vertrouwd',
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'runtime-schedule-')),
    };
    platform = await createPlatform('runtime-schedule', env);
    app = await NestFactory.create(
      { module: TickingModule, imports: [PlatformModule.forRoot(platform, authOptionsFromEnv(env))] },
      new ExpressAdapter(),
      { logger: false },
    );
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await platform?.close();
    await db?.drop();
  });

  it('runs @Interval jobs of a service, registered in the SchedulerRegistry, and stops them on close', async () => {
    const ticker = app.get(Ticker);
    await eventually(() => expect(ticker.ticks).toBeGreaterThan(2));
    const registry = app.get(SchedulerRegistry);
    expect(registry.getIntervals()).toEqual(['ticker']);
    await app.close();
    const stoppedAt = ticker.ticks;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ticker.ticks).toBe(stoppedAt);
  });
});
