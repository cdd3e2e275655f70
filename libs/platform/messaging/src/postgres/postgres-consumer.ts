import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { ConsumeOptions, Consumer, OutgoingMessage } from '../message-bus.port';
import type { BusConnection } from './bus-connection';
import { announces, partitionName } from './announcements';
import { PartitionWorker } from './partition-worker';

/** Namespace of the advisory locks by which consumers of a group own partitions. */
const OWNERSHIP_NAMESPACE = 7292;

interface Settings {
  pollIntervalMs: number;
  onStopped(consumer: PostgresConsumer): void;
}

/**
 * A consumer of a group. It owns partitions through session advisory locks on a connection of its own:
 * one owner per partition and group at a time, and when a consumer dies its connection ends, its locks
 * go, and another consumer of the group takes the partitions over from the committed offsets.
 */
export class PostgresConsumer implements Consumer {
  private readonly workers = new Map<string, PartitionWorker>();
  private owner: Client | undefined;
  /** Statements on the ownership connection, one at a time (see onOwner). */
  private ownerTurn: Promise<void> = Promise.resolve();
  private running = false;
  private loop: Promise<void> | undefined;
  private unlisten: (() => void) | undefined;
  private wakeLoop: (() => void) | undefined;
  private readonly commitListeners = new Set<() => void>();

  constructor(
    private readonly bus: BusConnection,
    private readonly options: ConsumeOptions,
    private readonly settings: Settings,
  ) {}

  start(): void {
    this.running = true;
    // Only the workers of the partitions something was published to (all when the announcement names none).
    const listening = this.bus.channel.listen((names) => this.workers.forEach((w) => announces(names, w) && w.wake()));
    this.unlisten = listening.stop;
    this.loop = this.run().catch(() => undefined);
  }

  /** Resolves once the group has handled every message published to its topics before the call. */
  async caughtUp(): Promise<void> {
    const { rows } = await this.bus.pool.query<{ topic: string; partition: number; last: string }>(
      'select topic, partition, next_offset - 1 as last from bus_partitions where topic = any($1) and next_offset > 0',
      [this.options.topics],
    );
    const targets = rows.map((r) => ({ ...r, last: BigInt(r.last) }));
    while (this.running && !(await this.reached(targets).catch(() => false))) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.commitListeners.delete(done);
          resolve();
        };
        const timer = setTimeout(done, 200);
        this.commitListeners.add(done);
      });
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unlisten?.();
    this.wakeLoop?.();
    await this.loop;
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.workers.clear();
    await this.owner?.end().catch(() => undefined);
    [...this.commitListeners].forEach((l) => l());
    this.settings.onStopped(this);
  }

  private async reached(targets: { topic: string; partition: number; last: bigint }[]): Promise<boolean> {
    if (targets.length === 0) return true;
    const { rows } = await this.bus.pool.query<{ topic: string; partition: number; committed: string }>(
      'select topic, partition, committed from bus_group_offsets where group_id = $1 and topic = any($2)',
      [this.options.group, this.options.topics],
    );
    const committed = new Map(rows.map((r) => [`${r.topic}/${r.partition}`, BigInt(r.committed)]));
    return targets.every((t) => (committed.get(`${t.topic}/${t.partition}`) ?? -1n) >= t.last);
  }

  /** Claims every partition it can, now and then again, so partitions of a dead consumer are taken over. */
  private async run(): Promise<void> {
    while (this.running) {
      // Retried like the rest: a bus database that is down at start must not leave the consumer dead.
      if (
        !(await this.bus.ensureTopics(this.options.topics).then(
          () => true,
          () => false,
        ))
      ) {
        await new Promise((resolve) => setTimeout(resolve, this.settings.pollIntervalMs));
        continue;
      }
      try {
        await this.claim();
      } catch {
        // Lost the ownership connection: its locks are gone, so stop working those partitions.
        if (this.owner) await this.loseOwnership(this.owner);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollIntervalMs);
        this.wakeLoop = () => (clearTimeout(timer), resolve());
      });
    }
  }

  /**
   * Takes the partitions no consumer of the group owns, and wakes each of its own workers whose partition holds a
   * message past what that worker has handled: the fallback for a notification that never came (a publisher's NOTIFY
   * lost, the LISTEN connection down): this one statement per interval instead of a poll by every partition's worker
   * (ADR 0071: an idle platform's bus went from about 480 statements a second to the consumers' claims). With other
   * consumers in the group, a lock attempt per partition they own follows, as it always did.
   */
  private async claim(): Promise<void> {
    this.owner ??= await this.connectOwner();
    const owner = this.owner;
    const { rows } = await this.onOwner(owner, () =>
      owner.query<{ topic: string; partition: number; next_offset: string }>(
        'select topic, partition, next_offset from bus_partitions where topic = any($1) order by topic, partition',
        [this.options.topics],
      ),
    );
    for (const { topic, partition, next_offset: nextOffset } of rows) {
      const id = partitionName(topic, partition);
      const worker = this.workers.get(id);
      if (worker) {
        worker.wakeIfBehind(BigInt(nextOffset));
        continue;
      }
      if (!this.running) continue;
      const {
        rows: [lock],
      } = await this.onOwner(owner, () =>
        owner.query<{ owned: boolean }>('select pg_try_advisory_lock($1, $2) as owned', [
          OWNERSHIP_NAMESPACE,
          lockKey(this.options.group, id),
        ]),
      );
      if (lock.owned) this.workers.set(id, new PartitionWorker(this.workerContext(), topic, partition));
    }
  }

  private async connectOwner(): Promise<Client> {
    const client = new Client({ connectionString: this.bus.connectionString, connectionTimeoutMillis: 5_000 });
    // The locks die with this connection: stop working the partitions at once, not at the next claim.
    client.on('error', () => void this.loseOwnership(client));
    client.on('end', () => void this.loseOwnership(client));
    await client.connect();
    return client;
  }

  private async loseOwnership(client: Client): Promise<void> {
    if (this.owner !== client) return;
    this.owner = undefined;
    const workers = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.stop()));
    await client.end().catch(() => undefined);
  }

  /** Offsets only grow, and only the lock holder's session can move them. */
  private async commitOnOwner(topic: string, partition: number, offset: bigint): Promise<void> {
    const owner = this.owner;
    if (!owner) throw new Error('This consumer no longer owns the partition');
    await this.onOwner(owner, () =>
      owner.query(
        `insert into bus_group_offsets (group_id, topic, partition, committed) values ($1, $2, $3, $4)
       on conflict (group_id, topic, partition) do update set committed = excluded.committed, updated_at = now()
       where bus_group_offsets.committed < excluded.committed`,
        [this.options.group, topic, partition, String(offset)],
      ),
    );
  }

  /**
   * The ownership connection runs one statement at a time: the claim loop and every partition worker's commits take
   * turns on it (a client given a second query while one runs only queues it by a deprecated behaviour of pg).
   */
  private onOwner<T>(owner: Client, work: () => Promise<T>): Promise<T> {
    const turn = this.ownerTurn.then(() => {
      if (this.owner !== owner) throw new Error('This consumer no longer owns the partition');
      return work();
    });
    this.ownerTurn = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private workerContext() {
    return {
      pool: this.bus.pool,
      options: this.options,
      publish: (messages: OutgoingMessage[]) => this.bus.publish(messages),
      commit: (topic: string, partition: number, offset: bigint) => this.commitOnOwner(topic, partition, offset),
      onCommitted: () => this.commitListeners.forEach((l) => l()),
    };
  }
}

function lockKey(group: string, partitionId: string): number {
  return createHash('sha1').update(`${group}\n${partitionId}`).digest().readInt32BE(0);
}
