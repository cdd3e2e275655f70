import type { DataSource, EntityManager } from 'typeorm';
import type { CheckpointStore } from '../event-store.port';

const TABLE = 'projection_checkpoints';

/** Checkpoints of projections, kept in the read-model database beside the rows they guard. */
export class ProjectionCheckpoints implements CheckpointStore {
  constructor(private readonly dataSource: DataSource) {}

  async ensureTable(): Promise<void> {
    await this.dataSource.query(`create table if not exists ${TABLE} (
      projection text primary key, position bigint not null, updated_at timestamptz not null default now())`);
  }

  async load(name: string): Promise<bigint | undefined> {
    const rows: { position: string }[] = await this.dataSource.query(`select position from ${TABLE} where projection = $1`, [name]);
    return rows.length ? BigInt(rows[0].position) : undefined;
  }

  /** Outside a transaction; the runner uses `saveIn` instead. */
  async save(name: string, position: bigint): Promise<void> {
    await this.saveIn(this.dataSource.manager, name, position);
  }

  /**
   * Locks the projection's checkpoint row for the rest of the transaction and returns its position, so
   * two runners (replicas, a retry after a lost commit acknowledgement) never apply the same events twice.
   */
  async lockIn(manager: EntityManager, name: string): Promise<bigint> {
    const locked = await this.lockRow(manager, name);
    if (locked !== undefined) return locked;
    // The projection's first page: its row is made (or another runner's waited for), then locked.
    await manager.query(`insert into ${TABLE} (projection, position) values ($1, 0) on conflict (projection) do nothing`, [name]);
    const inserted = await this.lockRow(manager, name);
    // Deleted again between the insert and the lock (a rebuild elsewhere): the page fails and is retried.
    if (inserted === undefined) throw new Error(`The checkpoint of projection ${name} was deleted while this page locked it`);
    return inserted;
  }

  /** One statement on every page but the first (the row exists from then on). */
  private async lockRow(manager: EntityManager, name: string): Promise<bigint | undefined> {
    const rows: { position: string }[] = await manager.query(`select position from ${TABLE} where projection = $1 for update`, [name]);
    return rows.length ? BigInt(rows[0].position) : undefined;
  }

  async saveIn(manager: EntityManager, name: string, position: bigint): Promise<void> {
    await manager.query(
      `insert into ${TABLE} (projection, position) values ($1, $2)
       on conflict (projection) do update set position = excluded.position, updated_at = now()`,
      [name, String(position)],
    );
  }

  async deleteIn(manager: EntityManager, name: string): Promise<void> {
    await manager.query(`delete from ${TABLE} where projection = $1`, [name]);
  }
}
