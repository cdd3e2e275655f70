import type { Pool } from 'pg';
import type { CheckpointStore } from '../event-store.port';

/** Durable subscription checkpoints in `es_checkpoints`, next to the events. */
export class PostgresCheckpointStore implements CheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(subscriptionId: string): Promise<bigint | undefined> {
    const { rows } = await this.pool.query<{ position: string }>({
      name: 'es_checkpoint_load',
      text: 'select position from es_checkpoints where subscription_id = $1',
      values: [subscriptionId],
    });
    return rows.length ? BigInt(rows[0].position) : undefined;
  }

  async save(subscriptionId: string, position: bigint): Promise<void> {
    await this.pool.query({
      name: 'es_checkpoint_save',
      text: `insert into es_checkpoints (subscription_id, position) values ($1, $2)
             on conflict (subscription_id) do update set position = excluded.position, updated_at = now()`,
      values: [subscriptionId, String(position)],
    });
  }
}
