import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Pool } from 'pg';
import { IDEMPOTENCY_BEHAVIOUR, IdempotencyInterceptor, type IdempotencyBehaviour } from './idempotency.interceptor';
import { migrateIdempotency } from './idempotency.schema';
import { IdempotencyStore } from './idempotency.store';

/** Where the keys are kept: the service's pool (not closed by this module) or a connection string (pool owned). */
export type IdempotencyModuleOptions = ({ pool: Pool } | { connectionString: string }) &
  IdempotencyBehaviour & {
    /** A claim this old whose request never answered (its process died) may be taken over. Default 5 minutes. */
    staleAfterMs?: number;
  };

/**
 * Honours `Idempotency-Key` on every POST of the app (a global interceptor). The `http_idempotency` table is
 * created at start. Purge old keys with `purgeIdempotencyKeys`.
 */
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyModuleOptions): DynamicModule {
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_BEHAVIOUR, useValue: { principalOf: options.principalOf } },
        {
          provide: IdempotencyStore,
          useFactory: async () => {
            const owned = !('pool' in options);
            const pool = 'pool' in options ? options.pool : new Pool({ connectionString: options.connectionString });
            await migrateIdempotency(pool);
            return new IdempotencyStore(pool, options.staleAfterMs ?? 5 * 60_000, owned);
          },
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IdempotencyStore],
    };
  }
}
