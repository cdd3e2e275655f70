import { BACKWARDS, END, StreamNotFoundError, jsonEvent } from '@kurrent/kurrentdb-client';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { CheckpointStore } from '../event-store.port';
import { checkpointStreamOf } from './kurrentdb-filter';

const CHECKPOINT_TYPE = 'vertrouwd.checkpoint';

/**
 * Keeps each subscription's checkpoint as the last event of its own stream (`vertrouwd.checkpoint-<id>`),
 * capped at one event by stream metadata so the server can scavenge the old ones. These streams never
 * reach the store's readers or subscribers.
 */
export class KurrentDbCheckpointStore implements CheckpointStore {
  /** Streams whose `maxCount` this process has already set: once per process keeps saves to one write. */
  private readonly capped = new Set<string>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly streamPrefix = '',
  ) {}

  async load(subscriptionId: string): Promise<bigint | undefined> {
    try {
      for await (const resolved of this.client.readStream(this.streamOf(subscriptionId), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        const data = resolved.event?.data as { position?: unknown } | undefined;
        if (typeof data?.position === 'string') return BigInt(data.position);
      }
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  async save(subscriptionId: string, position: bigint): Promise<void> {
    const stream = this.streamOf(subscriptionId);
    if (!this.capped.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: 1 });
      this.capped.add(stream);
    }
    // A bigint has no JSON form: kept as a decimal string.
    await this.client.appendToStream(stream, jsonEvent({ type: CHECKPOINT_TYPE, data: { position: position.toString() } }));
  }

  private streamOf(subscriptionId: string): string {
    return checkpointStreamOf(subscriptionId, this.streamPrefix);
  }
}
