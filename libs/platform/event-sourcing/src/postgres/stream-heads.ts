import type { ExpectedVersion } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';

interface Head {
  version: number;
  hash: string;
}

/**
 * The last version and hash of recently used streams, so an append can chain its events in Node
 * without reading the stream first. Only a hint: `es_append` checks the hash and answers with the
 * real one when the hint is stale (bounded LRU; a miss costs one more round trip).
 */
export class StreamHeads {
  private readonly heads = new Map<string, Head>();

  constructor(private readonly capacity = 50_000) {}

  /** The hash to chain onto, if known for the stream state the append expects. */
  prevHashFor(streamId: string, expected: ExpectedVersion): string | undefined {
    if (expected === 'no_stream') return GENESIS_HASH;
    const head = this.heads.get(streamId);
    if (!head) return undefined;
    if (typeof expected === 'number' && expected !== head.version) return undefined;
    return head.hash;
  }

  remember(streamId: string, version: number, hash: string): void {
    if (version < 0) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, { version, hash });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }
}
