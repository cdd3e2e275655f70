import type { Pool, PoolClient } from 'pg';

/** Runs `work` in a transaction on one pooled connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A pooled connection's query, sent without waiting for the answers to the statements before it. */
export type PipelinedQuery = PoolClient['query'];

/**
 * Like {@link inTransaction}, on a connection in pg's pipeline mode: `begin` is not waited for but sent in one write
 * with the work's first statement, and statements the work issues without awaiting each other (`Promise.all`) go in
 * one write too. Each still has its own answer; after a failure PostgreSQL refuses the rest of the transaction, so
 * the work must await every statement it issued (as `Promise.all` does) before it returns or throws.
 */
export async function inPipelinedTransaction<T>(pool: Pool, work: (query: PipelinedQuery) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const ended = { value: false };
  const query = corking(client, ended);
  try {
    const [, result] = await Promise.all([query('begin'), work(query)]);
    // From here a statement the work still issues (one it did not await) is refused, never sent after the commit.
    ended.value = true;
    const { command } = await client.query('commit');
    // A commit in a transaction that failed unseen is answered ROLLBACK, not an error.
    if (command !== 'COMMIT') throw new Error('The transaction was rolled back');
    return result;
  } catch (error) {
    // A statement the work issues after this (it failed on one branch while another still ran) is refused, not sent
    // outside the transaction.
    ended.value = true;
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    ended.value = true;
    client.release();
  }
}

/**
 * Holds the connection's writes from the first statement issued until the current turn's synchronous work and
 * promise callbacks are done, then sends them in one write (one system call, one wake-up of the server's process).
 */
function corking(client: PoolClient, ended: { value: boolean }): PipelinedQuery {
  const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
  let corked = false;
  return ((...args: Parameters<PoolClient['query']>) => {
    if (ended.value) return Promise.reject(new Error('The transaction has ended'));
    if (!corked) {
      corked = true;
      stream.cork();
      process.nextTick(() => {
        corked = false;
        stream.uncork();
      });
    }
    return (client.query as (...a: unknown[]) => unknown)(...args);
  }) as PipelinedQuery;
}
