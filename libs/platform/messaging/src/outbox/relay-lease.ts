import { Client, type ClientConfig } from 'pg';

/**
 * Who of a service's replicas relays its outbox. Every replica follows the same event store; without a lease each
 * publishes every integration event (correct, since consumers drop duplicates by event id, but N copies on the bus
 * with N replicas). With one, a single replica relays and another takes over when it stops or dies.
 */
export interface RelayLease {
  /** Takes the lease if no one holds it; true when this replica now holds it. */
  tryAcquire(): Promise<boolean>;
  /** Called once if a held lease is lost (its connection ended): the holder must stop relaying at once. */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

// The two-key form of PostgreSQL's advisory locks (objsubid 2 in pg_locks), apart from the event store's bigint
// keys; the first key names the purpose, the second the service.
const PURPOSE = 'vertrouwd.outbox-relay';

/**
 * A lease held as a session advisory lock on a connection of its own to the service's PostgreSQL database (every
 * service has one, whatever its event store): PostgreSQL releases it when that connection ends, however the replica
 * died, so the lease never outlives its holder. The connection is opened only while trying and kept only while held.
 */
export class PostgresRelayLease implements RelayLease {
  private client: Client | undefined;
  private lostListener: (() => void) | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly name: string,
  ) {}

  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    const client = new Client(this.config);
    client.on('error', () => undefined); // reported through 'end'
    await client.connect();
    try {
      const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock(hashtext($1), hashtext($2)) as held', [
        PURPOSE,
        this.name,
      ]);
      if (!rows[0].held) {
        await client.end();
        return false;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    client.once('end', () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.lostListener?.();
    });
    return true;
  }

  onLost(listener: () => void): void {
    this.lostListener = listener;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // Ending the session releases its advisory locks.
    await client?.end().catch(() => undefined);
  }
}
