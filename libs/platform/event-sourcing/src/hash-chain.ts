import { createHash } from 'node:crypto';
import type { ChainVerification, RecordedEvent } from './event-store.port';

/** The hash that precedes the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * One link of the tamper-evident chain: SHA-256 over the previous hash, the event's id and type, and
 * its data and metadata (without the two hashes) as JSON text. The text is what `JSON.stringify`
 * gives, which a read reproduces exactly from the parsed values, so no canonical form is needed.
 */
export function eventHash(prevHash: string, id: string, type: string, dataJson: string, metadataJson: string): string {
  return createHash('sha256').update(`${prevHash}\n${id}\n${type}\n${dataJson}\n${metadataJson}`).digest('hex');
}

/** The metadata an event's hash covers: everything but `prevHash` and `hash`. */
export function hashedMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const { prevHash: _prev, hash: _hash, ...rest } = metadata;
  return rest;
}

/** Recomputes a whole stream's chain (events in version order, starting at version 0). */
export function verifyChain(events: RecordedEvent[]): ChainVerification {
  let prev = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.version !== index) return broken(index, event.version, 'a version is missing from the stream');
    if (event.metadata.prevHash !== prev) return broken(index, event.version, 'previous hash does not match');
    const metadataJson = JSON.stringify(hashedMetadata(event.metadata));
    const expected = eventHash(prev, event.id, event.type, JSON.stringify(event.data) ?? 'null', metadataJson);
    if (event.metadata.hash !== expected) return broken(index, event.version, 'content does not match its hash');
    prev = expected;
  }
  return { valid: true, eventsChecked: events.length };
}

function broken(checked: number, version: number, reason: string): ChainVerification {
  return { valid: false, eventsChecked: checked, brokenAt: version, reason };
}
