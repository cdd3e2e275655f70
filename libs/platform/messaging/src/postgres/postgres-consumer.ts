import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { ConsumeOptions, Consumer } from '../message-bus.port';
import { PartitionWorker } from './partition-worker';
import type { PostgresMessageBus } from './postgres-message-bus';

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
  private running = false;
  private loop: Promise<void> | undefined;
  private unlisten: (() => void) | undefined;
  private wakeLoop: (() => void) | undefined;
  private readonly commitListeners = new Set<() => void>();

  constructor(
    private readonly bus: PostgresMessageBus,
    private readonly options: ConsumeOptions,
    private readonly settings: Settings,
  ) {}

  start(): void {
    this.running = true;
    const listening = this.bus.channel.listen(() => this.workers.forEach((w) => w.wake()));
    this.unlisten = listening.stop;
    this.loop = this.run().catch(() => undefined);
  }

  async caughtUp(): Promise<void> {
    if (await this.caughtUpNow()) return;
    await new Promise<void>((resolve) => {
      const check = () => void this.caughtUpNow().then((done) => done && (this.commitListeners.delete(check), resolve()));
      this.commitListeners.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unlisten?.();
    this.wakeLoop?.();
    await this.loop;
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.workers.clear();
    await this.owner?.end().catch(() => undefined);
    this.commitListeners.forEach((l) => l());
    this.settings.onStopped(this);
  }

  /** Whether the group has committed every partition of its topics up to the last published offset. */
  private async caughtUpNow(): Promise<boolean> {
    if (!this.running) return true;
    const { rows } = await this.bus.pool.query<{ pending: string }>(
      `select count(*) as pending from bus_partitions p
       left join bus_group_offsets o on o.group_id = $1 and o.topic = p.topic and o.partition = p.partition
       where p.topic = any($2) and p.next_offset - 1 > coalesce(o.committed, -1)`,
      [this.options.group, this.options.topics],
    );
    return rows[0].pending === '0';
  }

  /** Claims every partition it can, now and then again, so partitions of a dead consumer are taken over. */
  private async run(): Promise<void> {
    await this.bus.ensureTopics(this.options.topics);
    while (this.running) {
      try {
        await this.claim();
      } catch {
        // Lost the ownership connection: its locks are gone, so stop working those partitions.
        await Promise.all([...this.workers.values()].map((w) => w.stop()));
        this.workers.clear();
        await this.owner?.end().catch(() => undefined);
        this.owner = undefined;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollIntervalMs);
        this.wakeLoop = () => (clearTimeout(timer), resolve());
      });
    }
  }

  private async claim(): Promise<void> {
    this.owner ??= await this.connectOwner();
    const { rows } = await this.owner.query<{ topic: string; partition: number }>(
      'select topic, partition from bus_partitions where topic = any($1) order by topic, partition',
      [this.options.topics],
    );
    for (const { topic, partition } of rows) {
      const id = `${topic}/${partition}`;
      if (this.workers.has(id) || !this.running) continue;
      const { rows: [lock] } = await this.owner.query<{ owned: boolean }>('select pg_try_advisory_lock($1, $2) as owned', [
        OWNERSHIP_NAMESPACE,
        lockKey(this.options.group, id),
      ]);
      if (lock.owned) this.workers.set(id, new PartitionWorker(this.workerContext(), topic, partition));
    }
  }

  private async connectOwner(): Promise<Client> {
    const client = new Client({ connectionString: this.bus.connectionString, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  private workerContext() {
    return {
      pool: this.bus.pool,
      options: this.options,
      publish: (messages: Parameters<PostgresMessageBus['publish']>[0]) => this.bus.publish(messages),
      pollIntervalMs: this.settings.pollIntervalMs,
      onCommitted: () => this.commitListeners.forEach((l) => l()),
    };
  }
}

function lockKey(group: string, partitionId: string): number {
  return createHash('sha1').update(`${group}\n${partitionId}`).digest().readInt32BE(0);
}
