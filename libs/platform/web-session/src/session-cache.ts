// Sessions read recently, kept in this process's memory (opened, and frozen: every caller gets the same object and none
// can change it) so that a page read soon after another need not ask the database. A cached session is served only
// while a listener hears every change of the sessions' tables: a store that changes or ends a session tells every
// process through PostgreSQL's NOTIFY, in the same transaction, and each process drops its copy. While the listener is
// not connected (or does not answer its heartbeat) nothing is served from memory and nothing kept.
import { Client } from 'pg';

/** The channel every session store notifies on; the payload is `<table>:<the id's hash in hex>`. */
export const SESSION_CHANGES = 'web_session_changes';

interface Entry {
  data: unknown;
  /** Kept until then at most (the time it was read plus the cache's time to live). */
  freshUntil: number;
  /** The session's own ends, as the database had them when read, on this process's clock: never outlived. */
  expiresAt: number;
  idleUntil: number;
}

/** How a cache listens: how often it checks its connection still answers, and how long it waits for the answer. */
export interface SessionCacheTiming {
  heartbeatMs: number;
  heartbeatTimeoutMs: number;
  /** The first wait before connecting again after a loss; doubled after each failure, up to `reconnectMaxMs`. */
  reconnectMs: number;
  reconnectMaxMs: number;
}

const TIMING: SessionCacheTiming = { heartbeatMs: 5_000, heartbeatTimeoutMs: 2_000, reconnectMs: 1_000, reconnectMaxMs: 30_000 };

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private listener: Client | undefined;
  private listening = false;
  private closed = false;
  /** Moves on every change heard and every loss or return of the listener: a read begun before it is not kept. */
  private generationValue = 0;
  private failures = 0;
  private reconnect: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  // Plain fields, not parameter properties: Node's type stripping runs this file as it is.
  private readonly databaseUrl: string;
  private readonly table: string;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly timing: SessionCacheTiming;

  constructor(databaseUrl: string, table: string, ttlMs: number, maxEntries: number, timing: Partial<SessionCacheTiming> = {}) {
    this.databaseUrl = databaseUrl;
    this.table = table;
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.timing = { ...TIMING, ...timing };
  }

  /** Connects the listener; resolves once it listens (or has failed, and will try again). */
  async start(): Promise<void> {
    if (this.closed || this.listener) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: `${this.table}_cache`,
      keepAlive: true,
      connectionTimeoutMillis: this.timing.heartbeatMs,
    });
    this.listener = client;
    client.on('notification', (message) => {
      if (message.channel !== SESSION_CHANGES || !message.payload) return;
      const [table, hash] = message.payload.split(':');
      if (table !== this.table) return;
      this.generationValue++;
      this.entries.delete(hash);
    });
    const lost = () => this.lose(client);
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANGES}`);
      if (this.listener !== client) return;
      // A read that began while nothing was heard may hold what a change since then replaced: not kept.
      this.generationValue++;
      this.listening = true;
      this.failures = 0;
      this.beat(client);
    } catch {
      this.lose(client);
    }
  }

  /** Whether sessions are served from memory now. */
  get active(): boolean {
    return this.listening;
  }

  get generation(): number {
    return this.generationValue;
  }

  /** The session's data, while it is fresh here and has not ended by its own times. */
  get(hash: Buffer): unknown {
    if (!this.listening) return undefined;
    const key = hash.toString('hex');
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = Date.now();
    if (now < entry.freshUntil && now < entry.expiresAt && now < entry.idleUntil) return entry.data;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * Keeps what a read found, unless a change was heard (or the listener lost or back) since the read began. The ends
   * are the database's, taken against the database's clock at the read (`databaseNow`), so a process whose clock runs
   * behind the database's does not keep a session past its end.
   */
  remember(hash: Buffer, data: unknown, ends: { expiresAt: Date; idleUntil: Date; databaseNow: Date }, readSince: number): void {
    if (!this.listening || readSince !== this.generationValue) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const now = Date.now();
    const local = (at: Date) => now + (at.getTime() - ends.databaseNow.getTime());
    this.entries.set(hash.toString('hex'), {
      data,
      // Between half the time to live and all of it: sessions read together (a burst of sign-ins, a restart) are not
      // all read again together.
      freshUntil: now + this.ttlMs * (0.5 + Math.random() / 2),
      expiresAt: local(ends.expiresAt),
      idleUntil: local(ends.idleUntil),
    });
  }

  /** Drops this process's copy at once (the change's notification drops every other process's). */
  forget(hash: Buffer): void {
    this.entries.delete(hash.toString('hex'));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    clearTimeout(this.heartbeat);
    const client = this.listener;
    this.listener = undefined;
    this.listening = false;
    this.entries.clear();
    await client?.end().catch(() => undefined);
  }

  /**
   * Asks the listener's connection a question now and then: a connection a network dropped without closing it fires
   * no event, so an answer that does not come in time counts as the connection lost.
   */
  private beat(client: Client): void {
    this.heartbeat = setTimeout(() => {
      if (this.listener !== client) return;
      const late = setTimeout(() => this.lose(client), this.timing.heartbeatTimeoutMs);
      late.unref();
      client.query('SELECT 1').then(
        () => {
          clearTimeout(late);
          if (this.listener === client) this.beat(client);
        },
        () => {
          clearTimeout(late);
          this.lose(client);
        },
      );
    }, this.timing.heartbeatMs);
    this.heartbeat.unref();
  }

  private lose(client: Client | undefined): void {
    if (client === undefined || this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.generationValue++;
    this.entries.clear();
    clearTimeout(this.heartbeat);
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    // Doubling, up to the maximum, spread by a random half: processes that lost the database together do not all
    // come back at once.
    const wait = Math.min(this.timing.reconnectMaxMs, this.timing.reconnectMs * 2 ** this.failures++);
    this.reconnect = setTimeout(() => void this.start(), wait * (0.5 + Math.random() / 2));
    this.reconnect.unref();
  }
}

/** Freezes a session's data all the way down (JSON: objects and arrays), so a caller changing it fails loudly. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
