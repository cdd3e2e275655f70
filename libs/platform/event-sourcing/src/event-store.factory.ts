import type { EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';

export interface EventStoreEnvironment {
  EVENT_STORE?: string;
  DATABASE_URL?: string;
  KURRENTDB_URL?: string;
}

/** What the caller (not the environment) decides about a store. */
export interface EventStoreOptions {
  /** Connections of the PostgreSQL store's pool for appends and reads (default 10); KurrentDB ignores it. */
  poolSize?: number;
}

/**
 * The event store the environment selects: `EVENT_STORE=kurrentdb` with `KURRENTDB_URL`, otherwise
 * PostgreSQL at `DATABASE_URL` (the embedded default). KurrentDB's client is loaded only when chosen.
 */
export async function createEventStore(env: EventStoreEnvironment = process.env, options: EventStoreOptions = {}): Promise<EventStore> {
  const kind = env.EVENT_STORE ?? 'postgres';
  if (kind === 'kurrentdb') {
    if (!env.KURRENTDB_URL) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false)');
    // Required lazily: the client loads a native addon, which the PostgreSQL default never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { KurrentDbEventStore } = require('./kurrentdb/kurrentdb-event-store') as typeof import('./kurrentdb/kurrentdb-event-store');
    return KurrentDbEventStore.connect(env.KURRENTDB_URL);
  }
  if (kind !== 'postgres') throw new Error(`EVENT_STORE must be postgres or kurrentdb, not ${kind}`);
  if (!env.DATABASE_URL) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
  return PostgresEventStore.create({ connectionString: env.DATABASE_URL, poolSize: options.poolSize });
}
