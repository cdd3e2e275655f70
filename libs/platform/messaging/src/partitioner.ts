import { createHash } from 'node:crypto';

/** The partition of a key: stable across processes and restarts (the first 4 bytes of its SHA-1). */
export function partitionOf(key: string, partitions: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % partitions;
}
