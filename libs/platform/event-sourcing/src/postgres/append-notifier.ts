import { Client, type Pool } from 'pg';

/** Told what was committed: the names announced (e.g. the bus's partitions), or undefined for anything. */
type Listener = (names?: ReadonlySet<string>) => void;

/**
 * A NOTIFY payload stays well under PostgreSQL's 8,000 bytes; a longer list goes coarser (`coarsen`, e.g. a partition's
 * topic), and as "anything" when that is still too long.
 */
const MAX_PAYLOAD = 4_000;

/** At most one cross-process wake-up per this many milliseconds. */
const NOTIFY_INTERVAL_MS = 5;

/**
 * A PostgreSQL notification channel, used by the event store (`es_appended`) and the Postgres bus
 * (`bus_published`). Wakes subscribers when something was committed. In this process directly; in others through one
 * LISTEN connection per store, shared by its subscriptions. The NOTIFY is sent after the append has
 * committed, in its own statement, coalesced to one in flight: a NOTIFY inside the append would
 * serialise every append's commit on PostgreSQL's notification queue lock. Reconnects after a lost
 * connection; the subscriptions' fallback poll covers the gap.
 */
export class PgChannel {
  private readonly listeners = new Set<Listener>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;
  private announceScheduled = false;
  private lastAnnounced = 0;
  private announcing: Promise<void> = Promise.resolve();
  /** Names announced since the last NOTIFY; `all` when one announcement named nothing. */
  private pending: Set<string> | 'all' = new Set();

  constructor(
    private readonly connectionString: string,
    private readonly pool: Pool,
    private readonly channel = 'es_appended',
    /** A name that covers `name` and others (the bus: a partition's topic), for a list too long to send as it is. */
    private readonly coarsen?: (name: string) => string,
  ) {}

  /**
   * Called after a commit that added events. Local listeners wake at once. Other processes get one
   * NOTIFY per interval at most: PostgreSQL gives every notifying transaction its own commit record,
   * so one per append would double the WAL flushes under load; a sparse append still notifies at once.
   * `names` (the bus's partitions) let a listener skip what it does not follow; the NOTIFY carries them too.
   */
  announce(names?: Iterable<string>): void {
    const named = names === undefined ? undefined : new Set(names);
    this.listeners.forEach((l) => l(named));
    if (named === undefined) this.pending = 'all';
    else if (this.pending !== 'all') for (const name of named) this.pending.add(name);
    if (this.announceScheduled) return;
    const wait = Math.max(0, this.lastAnnounced + NOTIFY_INTERVAL_MS - Date.now());
    this.announceScheduled = true;
    const send = () => {
      this.announceScheduled = false;
      this.lastAnnounced = Date.now();
      const payload = this.payloadOf(this.pending);
      this.pending = new Set();
      if (this.closed) return;
      this.announcing = this.pool
        .query({
          name: `notify_${this.channel}`,
          text: 'select pg_notify($1, $2)',
          values: [this.channel, payload],
        })
        .then(
          () => undefined,
          () => undefined,
        );
    };
    if (wait === 0) send();
    else setTimeout(send, wait).unref();
  }

  /** The names as a NOTIFY carries them: as they are, coarser if too long, else '' (anything). */
  private payloadOf(names: Set<string> | 'all'): string {
    if (names === 'all') return '';
    const exact = [...names].join('\n');
    if (Buffer.byteLength(exact) <= MAX_PAYLOAD) return exact;
    const coarse = this.coarsen ? [...new Set([...names].map(this.coarsen))].join('\n') : '';
    return Buffer.byteLength(coarse) <= MAX_PAYLOAD ? coarse : '';
  }

  /** Registers a listener; `ready` resolves once LISTEN is in place (or failed, leaving the poll). */
  listen(listener: Listener): { ready: Promise<void>; stop: () => void } {
    this.listeners.add(listener);
    return { ready: this.ensureConnected(), stop: () => this.listeners.delete(listener) };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.announcing;
    await this.connecting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.closed || this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5_000 });
    client.on('notification', ({ payload }) => {
      const named = payload ? new Set(payload.split('\n')) : undefined;
      this.listeners.forEach((l) => l(named));
    });
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
      this.client = client;
      if (this.closed) await client.end();
    } catch {
      this.drop(client);
    }
  }

  private drop(client: Client): void {
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.closed && this.listeners.size > 0) setTimeout(() => void this.ensureConnected(), 500).unref();
  }
}
