import type { MessageBus } from './message-bus.port';
import { PostgresMessageBus } from './postgres/postgres-message-bus';

export interface MessageBusEnvironment {
  BUS?: string;
  BUS_DATABASE_URL?: string;
  DATABASE_URL?: string;
  KAFKA_BROKERS?: string;
  KAFKA_CLIENT_ID?: string;
}

/** What the caller (not the environment) decides about a bus. */
export interface MessageBusOptions {
  /** Connections of the Postgres bus's pool (default 10); Kafka ignores it. */
  poolSize?: number;
}

/**
 * The bus the environment selects: `BUS=kafka` with `KAFKA_BROKERS`, otherwise the Postgres bus at
 * `BUS_DATABASE_URL` (or `DATABASE_URL`). Kafka's client is loaded only when chosen.
 */
export async function createMessageBus(env: MessageBusEnvironment = process.env, options: MessageBusOptions = {}): Promise<MessageBus> {
  const kind = env.BUS ?? 'postgres';
  if (kind === 'kafka') {
    if (!env.KAFKA_BROKERS) throw new Error('BUS=kafka needs KAFKA_BROKERS (e.g. localhost:9092)');
    // Required lazily: the Postgres default never loads Kafka's client (import() would bypass the TypeScript hook).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { KafkaMessageBus } = require('./kafka/kafka-message-bus') as typeof import('./kafka/kafka-message-bus');
    return KafkaMessageBus.connect({ brokers: env.KAFKA_BROKERS.split(','), clientId: env.KAFKA_CLIENT_ID ?? 'vertrouwd' });
  }
  if (kind !== 'postgres') throw new Error(`BUS must be postgres or kafka, not ${kind}`);
  const url = env.BUS_DATABASE_URL ?? env.DATABASE_URL;
  if (!url) throw new Error('BUS=postgres needs BUS_DATABASE_URL or DATABASE_URL');
  return PostgresMessageBus.create({ connectionString: url, poolSize: options.poolSize });
}
