import type { Pool, PoolClient } from 'pg';
import { inTransaction, type Migration } from '@vertrouwd/event-sourcing';

/** The inbox table, in the consuming service's database, beside the effects it guards. */
export const inboxMigrations: Migration[] = [
  {
    version: 1,
    name: 'inbox',
    sql: `create table inbox (
      consumer   text not null,
      message_id text not null,
      handled_at timestamptz not null default now(),
      primary key (consumer, message_id)
    );`,
  },
];

/** Anything that runs SQL inside an open transaction: a pg client, a TypeORM EntityManager. */
export interface TransactionalQuery {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Records that `consumer` handled `messageId`, inside the caller's transaction; false when it was
 * recorded before, so the caller skips the effect. A redelivery then changes nothing.
 */
export async function recordOnce(tx: TransactionalQuery, consumer: string, messageId: string): Promise<boolean> {
  const result = (await tx.query('insert into inbox (consumer, message_id) values ($1, $2) on conflict do nothing returning 1 as fresh', [
    consumer,
    messageId,
  ])) as { rows?: unknown[] } | unknown[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return rows.length > 0;
}

/** Runs `effect` in a transaction with the inbox record, once per message id and consumer. */
export function handleOnce(
  pool: Pool,
  consumer: string,
  messageId: string,
  effect: (client: PoolClient) => Promise<void>,
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const fresh = await recordOnce(client, consumer, messageId);
    if (fresh) await effect(client);
    return fresh;
  });
}
