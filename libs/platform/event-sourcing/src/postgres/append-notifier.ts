import { Client } from 'pg';

type Listener = () => void;

/**
 * One LISTEN connection per store, shared by all its subscriptions: `es_append` notifies
 * `es_appended` on commit and every subscription wakes at once instead of waiting for its poll.
 * Reconnects after a lost connection; the subscriptions' fallback poll covers the gap.
 */
export class AppendNotifier {
  private readonly listeners = new Set<Listener>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Registers a listener; `ready` resolves once LISTEN is in place (or failed, leaving the poll). */
  listen(listener: Listener): { ready: Promise<void>; stop(): void } {
    this.listeners.add(listener);
    return { ready: this.ensureConnected(), stop: () => this.listeners.delete(listener) };
  }

  async close(): Promise<void> {
    this.closed = true;
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
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.listeners.forEach((l) => l()));
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query('listen es_appended');
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
