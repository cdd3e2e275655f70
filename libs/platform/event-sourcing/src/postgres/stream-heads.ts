import { GENESIS_HASH } from '../hash-chain';

interface Head {
  version: number;
  hash: string;
}

/**
 * The last version and hash of recently used streams, so an append can chain its events in Node
 * without reading the stream first. Only a hint: the append statement checks the hash and answers
 * with the real one when the hint is stale (bounded LRU; a miss costs one more round trip).
 */
export class StreamHeads {
  private readonly heads = new Map<string, Head>();

  constructor(private readonly capacity = 50_000) {}

  /**
   * The hash to chain onto for an append expecting `expected` (encoded: a version, -1 any, -2 no stream,
   * -3 stream exists), or null when not known for that stream state.
   */
  prevHashFor(streamId: string, expected: number): string | null {
    if (expected === -2) return GENESIS_HASH;
    const head = this.heads.get(streamId);
    if (!head) return null;
    if (expected >= 0 && expected !== head.version) return null;
    return head.hash;
  }

  /** Records a stream's head; version -1 with the genesis hash records that the stream does not exist. */
  remember(streamId: string, version: number, hash: string): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, { version, hash });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }
}
