import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule, type AuthOptions } from '@vertrouwd/auth';
import { IdempotencyModule } from '@vertrouwd/http';
import type { Platform } from './platform';

/** Injection tokens of the platform's parts. */
export const PLATFORM = Symbol('PLATFORM');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const DATABASE_POOL = Symbol('DATABASE_POOL');
export const SEALER = Symbol('SEALER');
export const CONTRACTS = Symbol('CONTRACTS');

/**
 * Makes the platform's parts injectable everywhere in a service, with access control (deny by default)
 * and idempotency keys on POSTs, the CQRS buses, and `@nestjs/schedule` (`@Interval`, `@Cron`,
 * `SchedulerRegistry`; its timers stop when the application closes).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(platform: Platform, auth: AuthOptions): DynamicModule {
    const values = [
      { provide: PLATFORM, useValue: platform },
      { provide: EVENT_STORE, useValue: platform.store },
      { provide: MESSAGE_BUS, useValue: platform.bus },
      { provide: DATABASE_POOL, useValue: platform.pool },
      { provide: SEALER, useValue: platform.privacy.sealer },
      { provide: CONTRACTS, useValue: platform.contracts },
    ];
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
        ScheduleModule.forRoot(),
        AuthModule.forRoot(auth),
        IdempotencyModule.forRoot({ pool: platform.pool }),
      ],
      providers: values,
      exports: [...values.map((v) => v.provide), CqrsModule, ScheduleModule, AuthModule, IdempotencyModule],
    };
  }
}
