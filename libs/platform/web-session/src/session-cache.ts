// Sessions read recently, kept in this process's memory (opened, and frozen: every caller gets the same object and none
// can change it) so that a page read soon after another need not ask
// the database. A cached session is served only while a listener hears every change of the sessions' tables: a
// store that changes or ends a session tells every process through PostgreSQL's NOTIFY, in the same transaction, and
// each process drops its copy. While the listener is not connected nothing is served from memory and nothing kept.
import { Client } from 'pg';

/** The channel every session store notifies on; the payload is `<table>:<the id's hash in hex>`. */
export const SESSION_CHANGES = 'web_session_changes';

interface Entry {
  data: unknown;
  /** Kept until then at most (the time it was read plus the cache's time to live). */
  freshUntil: number;
  /** The session's own ends, as the database had them when read: a cached session never outlives them. */
  expiresAt: number;
  idleUntil: number;
}

const RECONNECT_MS = 1_000;

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private listener: Client | undefined;
  private listening = false;
  private closed = false;
  /** Moves on every change heard and every loss of the listener: a read begun before it is not kept. */
  private generationValue = 0;
  private reconnect: NodeJS.Timeout | undefined;
  // Plain fields, not parameter properties: Node's type stripping runs this file as it is.
  private readonly databaseUrl: string;
  private readonly table: string;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(databaseUrl: string, table: string, ttlMs: number, maxEntries: number) {
    this.databaseUrl = databaseUrl;
    this.table = table;
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  /** Connects the listener; resolves once it listens (or has failed, and will try again). */
  async start(): Promise<void> {
    if (this.closed || this.listener) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: `${this.table}_cache` });
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
      if (this.listener === client) this.listening = true;
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

  /** Keeps what a read found, unless a change was heard (or the listener lost) since the read began. */
  remember(hash: Buffer, data: unknown, expiresAt: Date, idleUntil: Date, readSince: number): void {
    if (!this.listening || readSince !== this.generationValue) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash.toString('hex'), {
      data: deepFreeze(data),
      // Between half the time to live and all of it: sessions read together (a burst of sign-ins, a restart) are not
      // all read again together.
      freshUntil: Date.now() + this.ttlMs * (0.5 + Math.random() / 2),
      expiresAt: expiresAt.getTime(),
      idleUntil: idleUntil.getTime(),
    });
  }

  /** Drops this process's copy at once (the change's notification drops every other process's). */
  forget(hash: Buffer): void {
    this.entries.delete(hash.toString('hex'));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    const client = this.listener;
    this.listener = undefined;
    this.listening = false;
    this.entries.clear();
    await client?.end().catch(() => undefined);
  }

  private lose(client: Client | undefined): void {
    if (client === undefined || this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.generationValue++;
    this.entries.clear();
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.reconnect = setTimeout(() => void this.start(), RECONNECT_MS);
    this.reconnect.unref();
  }
}

/** Freezes a session's data all the way down (JSON: objects and arrays), so a caller changing it fails loudly. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
