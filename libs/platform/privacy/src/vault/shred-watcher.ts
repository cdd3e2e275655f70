import type { Pool, PoolClient } from 'pg';

/** Sent (empty) in the transaction of every shred; PostgreSQL delivers it on commit only. */
export const SHRED_CHANNEL = 'privacy_shredded';
const RECONNECT_MS = 500;

/**
 * Tells every cache in this process that something was shredded, here or in another process
 * (LISTEN on one pooled connection). Caches may only keep what they read while `listening` and
 * while `generation` did not move during the read: a shred that commits during a read, or a
 * notification lost with a dropped connection, then can never leave a shredded key behind.
 */
export class ShredWatcher {
  private readonly listeners = new Set<() => void>();
  private readonly discarded = new WeakSet<PoolClient>();
  private client: PoolClient | undefined;
  private connecting = false;
  private retryScheduled = false;
  private closed = false;
  generation = 0;

  private constructor(private readonly pool: Pool) {}

  /** Resolves once LISTEN is in place (or failed: then nothing is cached until it reconnects). */
  static async start(pool: Pool): Promise<ShredWatcher> {
    const watcher = new ShredWatcher(pool);
    await watcher.connect();
    return watcher;
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  onShred(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Called by a local shred after its commit, and on every notification. */
  shredded(): void {
    this.generation += 1;
    this.listeners.forEach((listener) => listener());
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.client) this.discard(this.client);
  }

  private async connect(): Promise<void> {
    if (this.connecting || this.closed) return;
    this.connecting = true;
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const connected = client;
      connected.on('notification', () => this.shredded());
      connected.on('error', () => this.drop(connected));
      connected.on('end', () => this.drop(connected));
      await connected.query(`listen ${SHRED_CHANNEL}`);
      if (this.closed) this.discard(connected);
      else this.client = connected;
    } catch {
      if (client) this.drop(client);
      else this.retry();
    } finally {
      this.connecting = false;
    }
  }

  /** The connection failed: notifications may have been missed, so forget everything cached. */
  private drop(client: PoolClient): void {
    if (this.discarded.has(client)) return;
    this.discard(client);
    this.shredded();
    this.retry();
  }

  // Destroyed, not returned to the pool: a pooled connection must not keep listening.
  private discard(client: PoolClient): void {
    if (this.client === client) this.client = undefined;
    if (this.discarded.has(client)) return;
    this.discarded.add(client);
    client.release(true);
  }

  private retry(): void {
    if (this.closed || this.retryScheduled) return;
    this.retryScheduled = true;
    setTimeout(() => {
      this.retryScheduled = false;
      if (!this.listening) void this.connect();
    }, RECONNECT_MS).unref();
  }
}
